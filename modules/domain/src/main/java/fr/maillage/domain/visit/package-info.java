/**
 * Visits (passages): a member present in a place from check-in to check-out. The rules that decide what a visit
 * costs: which membership covers it ({@link fr.maillage.domain.visit.CoveringRule}), how many entries of a card it
 * consumes ({@link fr.maillage.domain.visit.EntryBlocks}), when an open visit is closed automatically
 * ({@link fr.maillage.domain.visit.AutoClose}), and the signed, rotating token of a place's QR code
 * ({@link fr.maillage.domain.visit.CheckInTokens}).
 */
@NullMarked
package fr.maillage.domain.visit;

import org.jspecify.annotations.NullMarked;
