package fr.maillage.application.member;

import fr.maillage.application.access.AccessPolicy;
import fr.maillage.application.access.NetworkAccess;
import fr.maillage.application.access.Permission;
import fr.maillage.application.audit.AuditLog;
import fr.maillage.application.member.MemberImportFile.Candidate;
import fr.maillage.application.member.port.in.FailInterruptedImportsUseCase;
import fr.maillage.application.member.port.in.ImportMembersCommand;
import fr.maillage.application.member.port.in.ImportMembersUseCase;
import fr.maillage.application.member.port.in.MemberImportsQuery;
import fr.maillage.application.member.port.out.MemberImportPort;
import fr.maillage.application.member.port.out.MemberImportPort.StoredImport;
import fr.maillage.application.member.port.out.MemberPort;
import fr.maillage.application.network.port.in.NetworkListCriteria;
import fr.maillage.application.network.port.out.LoadNetworkPort;
import fr.maillage.application.shared.Caller;
import fr.maillage.application.shared.NotFoundException;
import fr.maillage.application.shared.Page;
import fr.maillage.application.shared.PageRequest;
import fr.maillage.application.shared.port.out.UnitOfWorkPort;
import fr.maillage.domain.member.Consents;
import fr.maillage.domain.member.Member;
import fr.maillage.domain.member.MemberId;
import fr.maillage.domain.member.MemberImport;
import fr.maillage.domain.member.MemberImportIssue;
import fr.maillage.domain.member.MemberImportStatus;
import fr.maillage.domain.member.MemberSource;
import fr.maillage.domain.network.Network;
import fr.maillage.domain.network.NetworkId;
import fr.maillage.domain.network.NetworkSlug;
import fr.maillage.domain.shared.Ids;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Imports of member lists, run as jobs on the given executor (virtual threads), all or nothing.
 *
 * <p><b>Transactions.</b> The job's row is changed in short transactions of its own (state, progress, heartbeat), so
 * that any instance shows the progress. The members are written in ONE transaction, with the job's final state
 * ({@code SUCCEEDED}) as its last statement, made on the condition that the job is still {@code IMPORTING}: if a sweep
 * failed the job meanwhile, the members are rolled back with it. So members exist if and only if the job succeeded,
 * whatever stops when: a crash rolls the transaction back, and the job, without heartbeat, is failed by the sweep
 * ({@link #failInterruptedImports()}) or when it is next read. The progress of the writing phase is written from
 * another thread (its own transaction) while the members' transaction stays open.
 *
 * <p><b>Rows already members</b> (same email) are skipped and reported, never an error: a list can be imported again
 * after new rows were added to it, and a member's file is never overwritten by a spreadsheet.
 */
public final class MemberImportService implements ImportMembersUseCase, MemberImportsQuery,
        FailInterruptedImportsUseCase {

    /**
     * @param maxRows rows a file may have (20,000 by default)
     * @param maxIssues issues kept per import (errors first, then skipped rows); the count of errors is always whole
     * @param chunk rows validated or written between two progress reports
     * @param timeout how long an unfinished job may go without heartbeat before it is deemed interrupted
     * @param concurrency imports run at once by this instance (the others wait, QUEUED)
     */
    public record Settings(int maxRows, int maxIssues, int chunk, Duration timeout, int concurrency) {

        public Settings {
            if (maxRows < 1 || maxIssues < 1 || chunk < 1 || concurrency < 1 || timeout.isNegative()
                    || timeout.isZero()) {
                throw new IllegalArgumentException("import settings out of range");
            }
        }

        public static Settings defaults() {
            return new Settings(20_000, 1_000, 500, Duration.ofMinutes(2), 2);
        }
    }

    private static final System.Logger LOG = System.getLogger(MemberImportService.class.getName());

    private final AccessPolicy access;
    private final UnitOfWorkPort unitOfWork;
    private final LoadNetworkPort networks;
    private final MemberPort members;
    private final MemberImportPort imports;
    private final AuditLog audit;
    private final Clock clock;
    private final Executor executor;
    private final Settings settings;
    private final Semaphore running;

    public MemberImportService(AccessPolicy access, UnitOfWorkPort unitOfWork, LoadNetworkPort networks,
            MemberPort members, MemberImportPort imports, AuditLog audit, Clock clock, Executor executor,
            Settings settings) {
        this.access = access;
        this.unitOfWork = unitOfWork;
        this.networks = networks;
        this.members = members;
        this.imports = imports;
        this.audit = audit;
        this.clock = clock;
        this.executor = executor;
        this.settings = settings;
        this.running = new Semaphore(settings.concurrency(), true);
    }

    @Override
    public Report startImport(Caller caller, NetworkSlug network, ImportMembersCommand command) {
        // The network and the permission first, then the file: someone who may not act learns nothing of it.
        access.inNetwork(caller, network, Permission.MANAGE_MEMBERS, true, NetworkAccess::writableNetwork);
        MemberImportFile file = MemberImportFile.read(command.content(), charset(command.charset()),
                settings.maxRows());
        StoredImport stored = access.inNetwork(caller, network, Permission.MANAGE_MEMBERS, false, granted -> {
            Network n = granted.writableNetwork();
            Instant now = clock.instant();
            imports.failStale(now.minus(settings.timeout()), now, MemberImport.INTERRUPTED);
            StoredImport queued = new StoredImport(MemberImport.queued(Ids.newId(clock), n.id(), command.dryRun(),
                    file.rows(), caller.subject(), now), file.encoding(), file.separator(), file.ignoredColumns());
            imports.insert(queued);
            return queued;
        });
        MemberImport job = stored.job();
        try {
            executor.execute(() -> run(job, file));
        } catch (RejectedExecutionException stopping) {
            failQuietly(job, MemberImport.UNEXPECTED, stopping);
        }
        return report(stored, List.of());
    }

    @Override
    public Report memberImport(Caller caller, NetworkSlug network, UUID importId) {
        return access.inNetwork(caller, network, Permission.MANAGE_MEMBERS, false, granted -> {
            StoredImport stored = imports.find(importId)
                    .orElseThrow(() -> new NotFoundException("member.import.not-found"));
            MemberImport job = stored.job();
            MemberImport interrupted = job.interrupted(clock.instant(), settings.timeout());
            if (interrupted != job && imports.update(interrupted, job.status())) {
                stored = new StoredImport(interrupted, stored.encoding(), stored.separator(),
                        stored.ignoredColumns());
            }
            return report(stored, imports.issues(importId, settings.maxIssues()));
        });
    }

    @Override
    public int failInterruptedImports() {
        int failed = 0;
        for (int page = 0; ; page++) {
            PageRequest request = new PageRequest(page, PageRequest.MAX_SIZE);
            Page<Network> batch = unitOfWork.readOnly(() -> networks.list(new NetworkListCriteria(null, request)));
            for (Network network : batch.items()) {
                try {
                    Instant now = clock.instant();
                    failed += unitOfWork.inTenant(network.id(),
                            () -> imports.failStale(now.minus(settings.timeout()), now, MemberImport.INTERRUPTED));
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "Sweeping the imports of network " + network.slug()
                            + " failed; the next run tries again", e);
                }
            }
            if (batch.items().size() < request.size()) {
                return failed;
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- the job

    /** The job stopped because it is no longer the one running (a sweep failed it): nothing more to do. */
    private static final class Superseded extends RuntimeException {

        Superseded() {
            super("the import is no longer running", null, false, false);
        }
    }

    private void run(MemberImport queued, MemberImportFile file) {
        NetworkId network = queued.network();
        boolean permit = false;
        try {
            running.acquire();
            permit = true;
            MemberImport validating = queued.validating(clock.instant());
            if (!write(validating, MemberImportStatus.QUEUED)) {
                return;
            }
            AtomicReference<MemberImport> current = new AtomicReference<>(validating);
            MemberImportFile.Checked checked = file.check(done -> {
                MemberImport next = current.get().progress(done, clock.instant());
                if (next.processedRows() != current.get().processedRows()) {
                    if (!write(next, MemberImportStatus.VALIDATING)) {
                        throw new Superseded();
                    }
                    current.set(next);
                }
            }, settings.chunk());
            List<MemberImportIssue> skipped = new ArrayList<>();
            List<Candidate> fresh = new ArrayList<>();
            Set<String> existing = unitOfWork.readOnlyInTenant(network, () -> members.existingEmails(
                    checked.candidates().stream().map(c -> c.email().value()).toList()));
            for (Candidate candidate : checked.candidates()) {
                if (existing.contains(candidate.email().value())) {
                    skipped.add(MemberImportIssue.alreadyMember(candidate.line(), emailColumn(file)));
                } else {
                    fresh.add(candidate);
                }
            }
            MemberImport validated = current.get();
            Instant now = clock.instant();
            if (!checked.errors().isEmpty()) {
                finish(validated.rejected(checked.errors().size(), skipped.size(), now), MemberImportStatus.VALIDATING,
                        issues(checked.errors(), skipped));
            } else if (validated.dryRun()) {
                finish(validated.checked(skipped.size(), now), MemberImportStatus.VALIDATING,
                        issues(List.of(), skipped));
            } else {
                MemberImport importing = validated.importing(skipped.size(), now);
                if (write(importing, MemberImportStatus.VALIDATING)) {
                    importAll(importing, fresh, skipped, emailColumn(file));
                }
            }
        } catch (Superseded superseded) {
            LOG.log(System.Logger.Level.INFO, "Import " + queued.id() + " was failed meanwhile; it stops");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failQuietly(queued, MemberImport.INTERRUPTED, e);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "Import " + queued.id() + " failed", e);
            failQuietly(queued, MemberImport.UNEXPECTED, e);
        } finally {
            if (permit) {
                running.release();
            }
        }
    }

    /** The members' one transaction: every new member, then the job's success (or nothing at all). */
    private void importAll(MemberImport importing, List<Candidate> fresh, List<MemberImportIssue> skipped,
            @Nullable String emailColumn) {
        NetworkId network = importing.network();
        Caller requester = new Caller(importing.requestedBy(), false, Set.of(), null);
        unitOfWork.inTenant(network, () -> {
            Set<MemberId> inserted = new HashSet<>();
            List<Member> written = new ArrayList<>(fresh.size());
            MemberImport progress = importing;
            for (int from = 0; from < fresh.size(); from += settings.chunk()) {
                Instant now = clock.instant();
                List<Member> chunk = new ArrayList<>();
                for (Candidate c : fresh.subList(from, Math.min(fresh.size(), from + settings.chunk()))) {
                    chunk.add(Member.create(new MemberId(Ids.newId(clock)), network, null, c.email().value(),
                            c.profile(), new Consents(null, c.newsletter()), MemberSource.IMPORT, now));
                }
                inserted.addAll(members.insertNew(chunk));
                written.addAll(chunk);
                MemberImport next = progress.progress(skipped.size() + written.size(), clock.instant());
                if (!elsewhere(() -> write(next, MemberImportStatus.IMPORTING))) {
                    throw new Superseded();
                }
                progress = next;
            }
            // An email a member took meanwhile (between validation and now) is skipped too.
            List<MemberImportIssue> allSkipped = new ArrayList<>(skipped);
            for (int i = 0; i < written.size(); i++) {
                if (!inserted.contains(written.get(i).id())) {
                    allSkipped.add(MemberImportIssue.alreadyMember(fresh.get(i).line(), emailColumn));
                }
            }
            MemberImport succeeded = progress.succeeded(inserted.size(), allSkipped.size(), clock.instant());
            if (!imports.update(succeeded, MemberImportStatus.IMPORTING)) {
                throw new Superseded();
            }
            imports.addIssues(succeeded.id(), issues(List.of(), allSkipped));
            audit.record(network, requester, "members.imported", succeeded.id().toString(), Map.of(
                    "rows", String.valueOf(succeeded.totalRows()),
                    "imported", String.valueOf(succeeded.importedRows()),
                    "skipped", String.valueOf(succeeded.skippedRows())));
            return true;
        });
    }

    private void finish(MemberImport finished, MemberImportStatus expected, List<MemberImportIssue> issues) {
        unitOfWork.inTenant(finished.network(), () -> {
            if (imports.update(finished, expected)) {
                imports.addIssues(finished.id(), issues);
            }
            return true;
        });
    }

    /** The issues kept: errors first, then skipped rows, at most the limit, in the order of the file. */
    private List<MemberImportIssue> issues(List<MemberImportIssue> errors, List<MemberImportIssue> skipped) {
        List<MemberImportIssue> kept = new ArrayList<>(errors.subList(0, Math.min(errors.size(),
                settings.maxIssues())));
        int room = settings.maxIssues() - kept.size();
        kept.addAll(skipped.subList(0, Math.min(skipped.size(), room)));
        kept.sort(Comparator.comparingInt(MemberImportIssue::line));
        return kept;
    }

    private boolean write(MemberImport job, MemberImportStatus expected) {
        return unitOfWork.inTenant(job.network(), () -> imports.update(job, expected));
    }

    private void failQuietly(MemberImport job, String failure, Exception cause) {
        try {
            unitOfWork.inTenant(job.network(), () -> {
                imports.find(job.id()).map(StoredImport::job).filter(j -> !j.status().isFinished())
                        .ifPresent(j -> imports.update(j.failed(failure, clock.instant()), j.status()));
                return true;
            });
        } catch (RuntimeException e) {
            e.addSuppressed(cause);
            LOG.log(System.Logger.Level.WARNING, "Import " + job.id() + " could not be marked FAILED; the sweep "
                    + "will", e);
        }
    }

    /**
     * Runs {@code work} on a thread of its own, and waits for it: its transaction is not the caller's (which stays
     * open meanwhile).
     */
    private static <T> T elsewhere(Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Thread thread = Thread.ofVirtual().name("member-import-progress").start(() -> {
            try {
                result.set(work.get());
            } catch (RuntimeException e) {
                failure.set(e);
            }
        });
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reporting progress", e);
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }

    private static @Nullable String emailColumn(MemberImportFile file) {
        return file.importedColumns().entrySet().stream()
                .filter(e -> e.getValue().equals(MemberImportFile.Column.EMAIL.field()))
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    private static Report report(StoredImport stored, List<MemberImportIssue> issues) {
        return new Report(stored.job(), stored.encoding(), stored.separator(), stored.ignoredColumns(), issues);
    }

    private static @Nullable Charset charset(@Nullable String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Charset.forName(name.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
            return null;
        }
    }
}
