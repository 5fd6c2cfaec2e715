package fr.maillage.application.invoice.port.in;

import fr.maillage.application.shared.PageRequest;
import fr.maillage.domain.invoice.InvoiceKind;
import fr.maillage.domain.member.MemberId;
import fr.maillage.domain.operator.OperatorId;
import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A search of documents: among {@code operators} ({@code null}: all of the network), optionally of one member, one
 * kind, issued between two dates (inclusive, network time), or whose number or buyer contains {@code text}.
 */
public record InvoiceCriteria(@Nullable Set<OperatorId> operators, @Nullable MemberId member,
        @Nullable InvoiceKind kind, @Nullable LocalDate from, @Nullable LocalDate to, @Nullable String text,
        PageRequest page) {
}
