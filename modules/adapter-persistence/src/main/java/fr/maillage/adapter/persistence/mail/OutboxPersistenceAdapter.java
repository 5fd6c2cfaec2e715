package fr.maillage.adapter.persistence.mail;

import fr.maillage.adapter.persistence.tenant.TenantScope;
import fr.maillage.application.mail.AttachmentRef;
import fr.maillage.application.mail.OutgoingMail;
import fr.maillage.application.mail.QueuedMail;
import fr.maillage.application.mail.port.out.OutboxPort;
import fr.maillage.application.mail.port.out.OutboxRelayPort;
import fr.maillage.domain.network.NetworkId;
import fr.maillage.domain.shared.Ids;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox table {@code outbox_mail}, by plain JDBC in the current tenant transaction (the connection that
 * Hibernate uses, with {@code app.tenant} set: row-level security confines every statement to the network).
 * {@link #enqueue} inserts with {@code ON CONFLICT (network_id, dedup_key) DO NOTHING}: a second mail with the same
 * deduplication key is ignored, and the business transaction goes on. The relay claims rows with
 * {@code FOR UPDATE SKIP LOCKED}.
 */
@Component
class OutboxPersistenceAdapter implements OutboxPort, OutboxRelayPort {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> VALUES = new TypeReference<>() {
    };
    private static final TypeReference<List<Map<String, String>>> ATTACHMENTS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final Clock clock;

    OutboxPersistenceAdapter(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void enqueue(OutgoingMail mail) {
        UUID network = tenant();
        List<Map<String, String>> attachments = new ArrayList<>();
        for (AttachmentRef ref : mail.attachments()) {
            attachments.add(Map.of("kind", ref.kind(), "id", ref.id().toString()));
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                insert into outbox_mail (network_id, id, recipient_email, recipient_name, language, template_code,
                    mail_values, attachments, dedup_key, status, attempts, next_attempt_at, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, 'PENDING', 0, ?, ?, ?)
                on conflict (network_id, dedup_key) do nothing""",
                network, Ids.newId(clock), mail.recipientEmail(), mail.recipientName(), mail.language(),
                mail.templateCode(), JSON.writeValueAsString(new java.util.TreeMap<>(mail.values())),
                JSON.writeValueAsString(attachments), mail.dedupKey(), now, now, now);
    }

    @Override
    public Optional<QueuedMail> claimNext(Instant now) {
        UUID network = tenant();
        return jdbc.query("""
                select id, recipient_email, recipient_name, language, template_code, mail_values, attachments,
                       dedup_key, attempts
                from outbox_mail
                where network_id = ? and status = 'PENDING' and next_attempt_at <= ?
                order by next_attempt_at, id
                limit 1
                for update skip locked""",
                (rs, i) -> queued(network, rs), network, Timestamp.from(now)).stream().findFirst();
    }

    @Override
    public void markSent(UUID id, Instant at) {
        jdbc.update("""
                update outbox_mail set status = 'SENT', sent_at = ?, updated_at = ?, attempts = attempts + 1,
                    last_error = null
                where network_id = ? and id = ? and status = 'PENDING'""",
                Timestamp.from(at), Timestamp.from(at), tenant(), id);
    }

    @Override
    public void markAttemptFailed(UUID id, int attempts, @Nullable Instant nextAttemptAt, String error, Instant at) {
        String cleaned = error.length() > 500 ? error.substring(0, 500) : error;
        jdbc.update("""
                update outbox_mail set attempts = ?, status = ?, next_attempt_at = coalesce(?, next_attempt_at),
                    last_error = ?, updated_at = ?
                where network_id = ? and id = ? and status = 'PENDING' and attempts = ?""",
                attempts, nextAttemptAt == null ? "FAILED" : "PENDING",
                nextAttemptAt == null ? null : Timestamp.from(nextAttemptAt), cleaned, Timestamp.from(at), tenant(),
                id, attempts - 1);
    }

    @Override
    public Map<String, Long> countByStatus() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("PENDING", 0L);
        counts.put("SENT", 0L);
        counts.put("FAILED", 0L);
        jdbc.query("select status, count(*) from outbox_mail where network_id = ? group by status",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                }, tenant());
        return counts;
    }

    @Override
    public List<MailProblem> lastProblems(int limit) {
        return jdbc.query("""
                select id, template_code, status, attempts, last_error, updated_at, next_attempt_at
                from outbox_mail
                where network_id = ? and status <> 'SENT' and attempts > 0
                order by updated_at desc, id
                limit ?""",
                (rs, i) -> new MailProblem(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getInt(4), rs.getString(5), rs.getTimestamp(6).toInstant(),
                        rs.getTimestamp(7).toInstant()),
                tenant(), limit);
    }

    @Override
    public int retryFailed(Instant now) {
        Timestamp at = Timestamp.from(now);
        return jdbc.update("""
                update outbox_mail set status = 'PENDING', attempts = 0, next_attempt_at = ?, updated_at = ?
                where network_id = ? and status = 'FAILED'""", at, at, tenant());
    }

    @Override
    public int purgeDoneBefore(Instant cutoff) {
        return jdbc.update("delete from outbox_mail where network_id = ? and status in ('SENT', 'FAILED')"
                + " and updated_at < ?", tenant(), Timestamp.from(cutoff));
    }

    private static QueuedMail queued(UUID network, ResultSet rs) throws SQLException {
        List<AttachmentRef> attachments = new ArrayList<>();
        for (Map<String, String> a : JSON.readValue(rs.getString("attachments"), ATTACHMENTS)) {
            attachments.add(new AttachmentRef(a.get("kind"), UUID.fromString(a.get("id"))));
        }
        OutgoingMail mail = new OutgoingMail(rs.getString("recipient_email"), rs.getString("recipient_name"),
                rs.getString("language"), rs.getString("template_code"),
                JSON.readValue(rs.getString("mail_values"), VALUES), attachments, rs.getString("dedup_key"));
        return new QueuedMail(rs.getObject("id", UUID.class), new NetworkId(network), mail, rs.getInt("attempts"));
    }

    /** The network of the current tenant transaction; the outbox is written only inside one. */
    private static UUID tenant() {
        if (!TenantScope.isBound() || TenantScope.NONE.equals(TenantScope.current())
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("the outbox is used only inside a tenant transaction");
        }
        return TenantScope.current();
    }
}
