package fr.maillage.domain.invoice;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The hash chain of an operator's documents: each one's hash covers its content and the previous one's hash, so that
 * changing, removing or inserting a document breaks every link after it. {@link #verify} recomputes it.
 */
public final class InvoiceChain {

    /** The "previous hash" of an operator's first document. */
    public static final String GENESIS = "0".repeat(64);

    private InvoiceChain() {
    }

    /** Why a link is broken. */
    public enum Problem {
        /** The stored hash is not the hash of the stored content: the document was altered. */
        HASH_MISMATCH,
        /** Its previous hash is not the hash of the document before it: a document was removed, inserted or altered. */
        PREVIOUS_MISMATCH,
        /** Its chain position does not follow the one before: a document is missing. */
        POSITION_GAP,
        /** Its number does not follow the one before in its year: a number is missing or repeated. */
        NUMBER_GAP
    }

    /** The first broken link: the document at {@code position}, numbered {@code number}. */
    public record BrokenLink(long position, String number, Problem problem) {
    }

    /** The result: how many documents were checked, and the first broken link if any. */
    public record Check(int checked, @Nullable String lastHash, @Nullable BrokenLink firstBroken) {

        public boolean intact() {
            return firstBroken == null;
        }
    }

    /** Checks the operator's documents, in chain order (by position). */
    public static Check verify(List<Invoice> inChainOrder) {
        String previous = GENESIS;
        long position = 0;
        Map<Integer, Long> lastOfYear = new HashMap<>();
        int checked = 0;
        for (Invoice doc : inChainOrder) {
            Problem problem = null;
            if (doc.chainPosition() != position + 1) {
                problem = Problem.POSITION_GAP;
            } else if (!Objects.equals(doc.previousHash(), previous)) {
                problem = Problem.PREVIOUS_MISMATCH;
            } else if (!doc.computeHash().equals(doc.hash())) {
                problem = Problem.HASH_MISMATCH;
            } else if (doc.number().sequence() != lastOfYear.getOrDefault(doc.number().year(), 0L) + 1) {
                problem = Problem.NUMBER_GAP;
            }
            if (problem != null) {
                return new Check(checked, previous, new BrokenLink(doc.chainPosition(), doc.number().value(), problem));
            }
            checked++;
            previous = doc.hash();
            position = doc.chainPosition();
            lastOfYear.put(doc.number().year(), doc.number().sequence());
        }
        return new Check(checked, previous, null);
    }
}
