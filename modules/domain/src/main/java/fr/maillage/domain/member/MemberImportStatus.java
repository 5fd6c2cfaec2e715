package fr.maillage.domain.member;

/**
 * Where an import of a member list stands: {@code QUEUED} (accepted, waiting for a worker), {@code VALIDATING} (every
 * row checked, nothing written), {@code IMPORTING} (every row valid, the members being written in one transaction),
 * then {@code SUCCEEDED} or {@code FAILED} (bad rows, interrupted, or an unexpected error: no member written).
 */
public enum MemberImportStatus {
    QUEUED, VALIDATING, IMPORTING, SUCCEEDED, FAILED;

    public boolean isFinished() {
        return this == SUCCEEDED || this == FAILED;
    }
}
