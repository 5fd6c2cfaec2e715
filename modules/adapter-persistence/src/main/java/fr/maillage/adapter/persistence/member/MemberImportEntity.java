package fr.maillage.adapter.persistence.member;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/** A row of {@code member_import}: an import job. */
@Entity
@Table(name = "member_import")
class MemberImportEntity {

    @TenantId
    @Column(name = "network_id", nullable = false, updatable = false)
    UUID networkId;

    @Id
    UUID id;

    String status;

    @Column(name = "dry_run")
    boolean dryRun;

    @Column(name = "total_rows")
    int totalRows;

    @Column(name = "processed_rows")
    int processedRows;

    @Column(name = "imported_rows")
    int importedRows;

    @Column(name = "skipped_rows")
    int skippedRows;

    @Column(name = "error_count")
    int errorCount;

    @Nullable String failure;

    String encoding;

    String separator;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "ignored_columns")
    String[] ignoredColumns;

    @Column(name = "requested_by")
    String requestedBy;

    @Column(name = "created_at")
    Instant createdAt;

    @Column(name = "heartbeat_at")
    Instant heartbeatAt;

    @Column(name = "finished_at")
    @Nullable Instant finishedAt;
}
