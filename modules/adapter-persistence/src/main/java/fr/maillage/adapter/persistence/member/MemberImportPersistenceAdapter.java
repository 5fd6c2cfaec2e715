package fr.maillage.adapter.persistence.member;

import fr.maillage.adapter.persistence.tenant.TenantScope;
import fr.maillage.application.member.port.out.MemberImportPort;
import fr.maillage.domain.member.MemberImport;
import fr.maillage.domain.member.MemberImportIssue;
import fr.maillage.domain.member.MemberImportStatus;
import fr.maillage.domain.network.NetworkId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Import jobs in {@code member_import}; their issues in {@code member_import_issue} (plain JDBC: a batch of inserts,
 * text arrays). State changes are conditional updates ({@code where status = expected}), atomic in PostgreSQL: a job a
 * sweep failed is never brought back, and a sweep never fails a job whose success is being committed (it waits for
 * the row, then finds it finished).
 */
@Component
class MemberImportPersistenceAdapter implements MemberImportPort {

    private static final List<String> UNFINISHED = List.of(MemberImportStatus.QUEUED.name(),
            MemberImportStatus.VALIDATING.name(), MemberImportStatus.IMPORTING.name());

    @PersistenceContext
    private EntityManager em;

    @Override
    public void insert(StoredImport stored) {
        MemberImport job = stored.job();
        MemberImportEntity e = new MemberImportEntity();
        e.networkId = job.network().value();
        e.id = job.id();
        e.dryRun = job.dryRun();
        e.totalRows = job.totalRows();
        e.requestedBy = job.requestedBy();
        e.createdAt = job.createdAt();
        e.encoding = stored.encoding();
        e.separator = String.valueOf(stored.separator());
        e.ignoredColumns = stored.ignoredColumns().toArray(String[]::new);
        e.status = job.status().name();
        e.processedRows = job.processedRows();
        e.importedRows = job.importedRows();
        e.skippedRows = job.skippedRows();
        e.errorCount = job.errorCount();
        e.failure = job.failure();
        e.heartbeatAt = job.heartbeatAt();
        e.finishedAt = job.finishedAt();
        em.persist(e);
        em.flush();
    }

    @Override
    public Optional<StoredImport> find(UUID id) {
        return Optional.ofNullable(em.find(MemberImportEntity.class, id)).map(e -> {
            em.refresh(e);
            return new StoredImport(new MemberImport(e.id, new NetworkId(e.networkId),
                    MemberImportStatus.valueOf(e.status), e.dryRun, e.totalRows, e.processedRows, e.importedRows,
                    e.skippedRows, e.errorCount, e.failure, e.requestedBy, e.createdAt, e.heartbeatAt,
                    e.finishedAt), e.encoding, e.separator.charAt(0), Arrays.asList(e.ignoredColumns));
        });
    }

    @Override
    public boolean update(MemberImport job, MemberImportStatus expected) {
        int updated = em.createQuery("""
                        update MemberImportEntity j set j.status = :status, j.processedRows = :processed,
                            j.importedRows = :imported, j.skippedRows = :skipped, j.errorCount = :errors,
                            j.failure = :failure, j.heartbeatAt = :heartbeat, j.finishedAt = :finished
                        where j.id = :id and j.status = :expected""")
                .setParameter("status", job.status().name())
                .setParameter("processed", job.processedRows())
                .setParameter("imported", job.importedRows())
                .setParameter("skipped", job.skippedRows())
                .setParameter("errors", job.errorCount())
                .setParameter("failure", job.failure())
                .setParameter("heartbeat", job.heartbeatAt())
                .setParameter("finished", job.finishedAt())
                .setParameter("id", job.id())
                .setParameter("expected", expected.name())
                .executeUpdate();
        return updated == 1;
    }

    @Override
    public void addIssues(UUID importId, List<MemberImportIssue> issues) {
        if (issues.isEmpty()) {
            return;
        }
        UUID network = TenantScope.current();
        em.unwrap(Session.class).doWork(connection -> {
            int position = 0;
            try (PreparedStatement last = connection.prepareStatement(
                    "select coalesce(max(position), 0) from member_import_issue where import_id = ?")) {
                last.setObject(1, importId);
                try (ResultSet r = last.executeQuery()) {
                    r.next();
                    position = r.getInt(1);
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into member_import_issue (network_id, import_id, position, line, column_name, field, code,
                        arguments, skipped) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (MemberImportIssue issue : issues) {
                    insert.setObject(1, network);
                    insert.setObject(2, importId);
                    insert.setInt(3, ++position);
                    insert.setInt(4, issue.line());
                    insert.setString(5, cut(issue.column(), 100));
                    insert.setString(6, issue.field());
                    insert.setString(7, issue.code());
                    Array arguments = connection.createArrayOf("text", issue.arguments().toArray());
                    insert.setArray(8, arguments);
                    insert.setBoolean(9, issue.skipped());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    @Override
    public List<MemberImportIssue> issues(UUID importId, int limit) {
        List<MemberImportIssue> issues = new ArrayList<>();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    select line, column_name, field, code, arguments, skipped from member_import_issue
                    where import_id = ? order by position limit ?""")) {
                select.setObject(1, importId);
                select.setInt(2, limit);
                try (ResultSet r = select.executeQuery()) {
                    while (r.next()) {
                        String[] arguments = (String[]) r.getArray(5).getArray();
                        issues.add(new MemberImportIssue(r.getInt(1), r.getString(2), r.getString(3),
                                r.getString(4), Arrays.asList(arguments), r.getBoolean(6)));
                    }
                }
            }
        });
        return issues;
    }

    @Override
    public int failStale(Instant cutoff, Instant now, String failure) {
        return em.createQuery("""
                        update MemberImportEntity j set j.status = :failed, j.failure = :failure, j.heartbeatAt = :now,
                            j.finishedAt = :now
                        where j.status in :unfinished and j.heartbeatAt < :cutoff""")
                .setParameter("failed", MemberImportStatus.FAILED.name())
                .setParameter("failure", failure)
                .setParameter("now", now)
                .setParameter("unfinished", UNFINISHED)
                .setParameter("cutoff", cutoff)
                .executeUpdate();
    }

    private static @Nullable String cut(@Nullable String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
