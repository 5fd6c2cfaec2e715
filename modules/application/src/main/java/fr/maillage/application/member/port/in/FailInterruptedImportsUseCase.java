package fr.maillage.application.member.port.in;

/**
 * The sweep of interrupted imports: an unfinished import whose worker has shown no sign of life for longer than the
 * timeout (its instance stopped or crashed) is marked FAILED ({@code member.import.interrupted}), in every network.
 * Its members were to be written in one transaction, so none of them was. Run at start-up and then periodically.
 */
public interface FailInterruptedImportsUseCase {

    /** How many imports were marked FAILED. */
    int failInterruptedImports();
}
