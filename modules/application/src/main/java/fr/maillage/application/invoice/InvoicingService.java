package fr.maillage.application.invoice;

import fr.maillage.application.access.AccessPolicy;
import fr.maillage.application.access.NetworkAccess;
import fr.maillage.application.access.Permission;
import fr.maillage.application.invoice.port.in.InvoiceCriteria;
import fr.maillage.application.invoice.port.in.InvoicesQuery.InvoiceDetails;
import fr.maillage.application.invoice.port.in.InvoicesQuery;
import fr.maillage.application.invoice.port.out.InvoiceDocumentPort;
import fr.maillage.application.invoice.port.out.InvoicePort;
import fr.maillage.application.mail.AttachmentRef;
import fr.maillage.application.mail.AttachmentSource;
import fr.maillage.application.mail.MailTemplates;
import fr.maillage.application.mail.OutgoingMail;
import fr.maillage.application.mail.port.out.OutboxPort;
import fr.maillage.application.member.port.out.MemberPort;
import fr.maillage.application.membership.MembershipEventListener;
import fr.maillage.application.membership.port.out.MembershipPort;
import fr.maillage.application.setup.OperatorScope;
import fr.maillage.application.setup.port.out.OperatorPort;
import fr.maillage.application.shared.Caller;
import fr.maillage.application.shared.Fields;
import fr.maillage.application.shared.NotFoundException;
import fr.maillage.application.shared.Page;
import fr.maillage.application.shared.PageRequest;
import fr.maillage.domain.invoice.Buyer;
import fr.maillage.domain.invoice.Invoice;
import fr.maillage.domain.invoice.InvoiceChain;
import fr.maillage.domain.invoice.InvoiceKind;
import fr.maillage.domain.invoice.InvoiceLine;
import fr.maillage.domain.invoice.InvoiceNumber;
import fr.maillage.domain.invoice.Seller;
import fr.maillage.domain.member.Member;
import fr.maillage.domain.member.MemberId;
import fr.maillage.domain.membership.Membership;
import fr.maillage.domain.membership.MembershipEvent;
import fr.maillage.domain.membership.MembershipId;
import fr.maillage.domain.money.VatRate;
import fr.maillage.domain.network.NetworkId;
import fr.maillage.domain.network.NetworkSlug;
import fr.maillage.domain.offer.OfferTerms;
import fr.maillage.domain.operator.Operator;
import fr.maillage.domain.operator.OperatorId;
import fr.maillage.domain.operator.VatRegime;
import fr.maillage.domain.shared.Ids;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Invoicing, driven by membership events, inside the transaction that stores them:
 * <ul>
 * <li>{@code SOLD} at the desk (a sale, or the next period of a subscription that renews itself) issues the invoice of
 * the sale in the seller operator's series, the member as buyer; a free sale issues none. A sale made online (the
 * member pays through the payment provider, at once or never) is not invoiced when sold: an abandoned or refused
 * checkout then leaves no invoice and no credit note behind;</li>
 * <li>{@code PAYMENT_RECORDED} settles the invoice by that payment, up to what remains due; the payment of an online
 * sale first issues its invoice, dated the day of the payment;</li>
 * <li>{@code CANCELLED} issues a credit note for what was invoiced and not paid (the invoice total less what had been
 * paid and what was already credited): a cancelled sale that was never paid is cancelled in full; what was paid
 * stays invoiced until it is refunded;</li>
 * <li>{@code REFUNDED} issues a credit note for the amount refunded (at most what remains not credited).</li>
 * </ul>
 * Reading: {@link Permission#BILLING} (animators; managers for the operators they run) and members their own
 * documents ({@link Permission#SELF_SERVICE}).
 */
public final class InvoicingService implements MembershipEventListener, InvoicesQuery {

    /** An accounting export covers at most 366 days (a fiscal year, a leap one included). */
    static final int MAX_PERIOD_DAYS = 365;
    /** The template of the receipt of a payment that settles an invoice (the outbox's). */
    public static final String PAYMENT_RECEIPT = "payment-receipt";
    /** The attachment kind of a document's Factur-X PDF; the id is the document's. */
    public static final String INVOICE_PDF = "invoice-pdf";
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRANCE);

    private final AccessPolicy access;
    private final InvoicePort invoices;
    private final InvoiceDocumentPort documents;
    private final MembershipPort memberships;
    private final MemberPort members;
    private final OperatorPort operators;
    private final @Nullable OutboxPort outbox;
    private final Clock clock;

    /**
     * @param outbox where the receipts of payments go; {@code null} when no outbox is wired (no mails then)
     */
    public InvoicingService(AccessPolicy access, InvoicePort invoices, InvoiceDocumentPort documents,
            MembershipPort memberships, MemberPort members, OperatorPort operators, @Nullable OutboxPort outbox,
            Clock clock) {
        this.access = access;
        this.invoices = invoices;
        this.documents = documents;
        this.memberships = memberships;
        this.members = members;
        this.operators = operators;
        this.outbox = outbox;
        this.clock = clock;
    }

    // ---------------------------------------------------------------------------------------------- events

    @Override
    public void on(NetworkId network, MembershipEvent event) {
        switch (event) {
            case MembershipEvent.Sold sold -> {
                if (!sold.online()) {
                    invoiceSale(network, sold.membership(), sold.occurredAt());
                }
            }
            case MembershipEvent.PaymentRecorded paid -> settle(network, paid);
            case MembershipEvent.Cancelled cancelled -> creditUnpaid(network, cancelled);
            case MembershipEvent.Refunded refunded -> credit(network, refunded.membership(), refunded.amount().cents(),
                    refunded.occurredAt(), "Remboursement (" + refunded.reference() + ")").ifPresent(note ->
                    invoices.recordRefund(note.id(), refunded.method(), refunded.reference(),
                            refunded.amount().cents(), note.issueDate(), refunded.occurredAt()));
            default -> {
            }
        }
    }

    /** Issues the invoice of a sale (none for a free one), dated {@code at}. */
    private void invoiceSale(NetworkId network, MembershipId sale, Instant at) {
        Membership m = memberships.find(sale)
                .orElseThrow(() -> new IllegalStateException("sold membership " + sale + " not found"));
        if (m.offer().price().cents() == 0) {
            return;
        }
        Member member = members.find(m.member())
                .orElseThrow(() -> new IllegalStateException("member " + m.member() + " not found"));
        Operator operator = operator(m.seller());
        VatRate rate = switch (operator.vatRegime()) {
            case VatRegime.Liable liable -> m.offer().vatRate() == null ? liable.defaultRate() : m.offer().vatRate();
            default -> null;
        };
        InvoiceLine line = InvoiceLine.of(1, description(m), 1, m.offer().price().cents(), rate);
        issue(Invoice.draft(Ids.newId(clock), network, operator.id(), InvoiceKind.INVOICE, at,
                invoices.timeZone(), m.validFrom(), m.validUntil(), Seller.of(operator), Buyer.of(member), member.id(),
                m.id(), List.of(line), operator.vatRegime(), null, null), operator);
    }

    /** "Carte 10 entrées (10 entrées)", "Abonnement mensuel, du 01/03/2026 au 31/03/2026", "Journée, le 02/03/2026". */
    static String description(Membership m) {
        String name = m.offer().name();
        LocalDate from = m.validFrom();
        LocalDate until = m.validUntil();
        return switch (m.offer().terms()) {
            case OfferTerms.Card card -> name + " (" + card.entries() + (card.entries() > 1 ? " entrées)" : " entrée)");
            case OfferTerms.DayPass d -> from == null ? name : name + ", le " + FRENCH_DATE.format(from);
            case OfferTerms.Subscription s -> from == null || until == null ? name
                    : name + ", du " + FRENCH_DATE.format(from) + " au " + FRENCH_DATE.format(until);
        };
    }

    private void settle(NetworkId network, MembershipEvent.PaymentRecorded paid) {
        Optional<Invoice> invoice = invoiceOf(paid.membership());
        if (invoice.isEmpty() && memberships.find(paid.membership()).map(Membership::soldOnline).orElse(false)) {
            // An online sale is invoiced when paid (once: a replayed payment records no event).
            invoiceSale(network, paid.membership(), paid.occurredAt());
            invoice = invoiceOf(paid.membership());
        }
        if (invoice.isEmpty()) {
            return;
        }
        InvoiceDetails details = invoices.details(invoice.get());
        long amount = Math.min(paid.payment().amount().cents(), details.dueCents());
        if (amount > 0) {
            invoices.settle(invoice.get().id(), paid.payment().id(), amount, paid.payment().method(),
                    paid.payment().receivedOn(), paid.occurredAt());
            if (amount == details.dueCents()) {
                sendReceipt(invoice.get(), paid);
            }
        }
    }

    /**
     * The receipt of the payment that settles an invoice, with its PDF ({@value #INVOICE_PDF}), through the outbox in
     * this transaction (sent only if it commits; once per payment).
     */
    private void sendReceipt(Invoice invoice, MembershipEvent.PaymentRecorded paid) {
        if (outbox == null) {
            return;
        }
        Optional<Member> member = members.find(invoice.member()).filter(m -> !m.isErased());
        if (member.isEmpty()) {
            return;
        }
        String offerName = memberships.find(paid.membership()).map(m -> m.offer().name())
                .orElse(invoice.lines().getFirst().description());
        String language = member.get().language();
        outbox.enqueue(new OutgoingMail(member.get().email(), member.get().displayName(), language, PAYMENT_RECEIPT,
                java.util.Map.of("networkName", invoices.networkName(), "operatorName", invoice.seller().legalName(),
                        "offerName", offerName, "invoiceNumber", invoice.number().value(),
                        "amount", MailTemplates.amount(paid.payment().amount().cents(), language),
                        "paidOn", MailTemplates.date(paid.payment().receivedOn())),
                List.of(new AttachmentRef(INVOICE_PDF, invoice.id())), PAYMENT_RECEIPT + ":" + paid.payment().id()));
    }

    /** The PDF of a document of the current network, as a mail attachment ({@value #INVOICE_PDF}). */
    public Optional<AttachmentSource.Attachment> attachment(UUID id) {
        return invoices.find(id).map(i -> {
            Rendered r = render(invoices.details(i));
            return new AttachmentSource.Attachment(r.content(), r.filename(), r.mediaType());
        });
    }

    private void creditUnpaid(NetworkId network, MembershipEvent.Cancelled cancelled) {
        Optional<Invoice> invoice = invoiceOf(cancelled.membership());
        if (invoice.isEmpty()) {
            return;
        }
        long unpaid = invoice.get().totalCents() - cancelled.amountPaid().cents();
        credit(network, cancelled.membership(), unpaid, cancelled.occurredAt(), "Annulation : " + cancelled.reason());
    }

    /** A credit note on the membership's invoice for {@code cents}, at most what is not credited yet. */
    private Optional<Invoice> credit(NetworkId network, MembershipId membership, long cents, Instant at,
            String reason) {
        Optional<Invoice> found = invoiceOf(membership);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Invoice original = found.get();
        long amount = Math.min(cents, original.totalCents() - invoices.details(original).creditedCents());
        if (amount <= 0) {
            return Optional.empty();
        }
        Operator operator = operator(original.operator());
        InvoiceLine first = original.lines().getFirst();
        InvoiceLine line = InvoiceLine.of(1, "Avoir sur la facture " + original.number().value() + " : "
                + first.description(), 1, amount, first.vatRate());
        return Optional.of(issue(Invoice.draft(Ids.newId(clock), network, operator.id(), InvoiceKind.CREDIT_NOTE, at,
                invoices.timeZone(), original.serviceFrom(), original.serviceUntil(), Seller.of(operator), original.buyer(),
                original.member(), original.membership(), List.of(line), operator.vatRegime(),
                new Invoice.Credited(original.id(), original.number()), reason.length() > 500
                        ? reason.substring(0, 500) : reason), operator));
    }

    private Invoice issue(Invoice.Draft draft, Operator operator) {
        int year = draft.issueDate().getYear();
        InvoicePort.Allocation next = invoices.allocate(operator.id(), year);
        Invoice issued = draft.issue(new InvoiceNumber(operator.invoicePrefix(), year, next.sequence()),
                next.position(), next.previousHash());
        invoices.insert(issued);
        return issued;
    }

    private Optional<Invoice> invoiceOf(MembershipId membership) {
        return invoices.ofMembership(membership).stream().filter(i -> i.kind() == InvoiceKind.INVOICE).findFirst();
    }

    private Operator operator(OperatorId id) {
        return operators.find(id).orElseThrow(() -> new IllegalStateException("operator " + id + " not found"));
    }

    // ---------------------------------------------------------------------------------------------- reading

    @Override
    public Page<InvoiceDetails> search(Caller caller, NetworkSlug network, Search raw) {
        return access.inNetwork(caller, network, Permission.BILLING, true, granted -> {
            Set<OperatorId> scope = OperatorScope.of(operators, granted, caller);
            Fields fields = new Fields();
            OperatorId operator = fields.optional("operator", raw.operator(), s -> new OperatorId(uuid(s,
                    "invoice.operator.invalid")));
            MemberId member = fields.optional("member", raw.member(), s -> new MemberId(uuid(s,
                    "invoice.member.invalid")));
            InvoiceKind kind = fields.optional("kind", raw.kind(), InvoicingService::kind);
            LocalDate from = fields.optional("from", raw.from(), InvoicingService::date);
            LocalDate to = fields.optional("to", raw.to(), InvoicingService::date);
            PageRequest page = PageRequest.of(raw.page(), raw.size());
            fields.throwIfInvalid();
            Set<OperatorId> operatorsSearched = scope;
            if (operator != null) {
                operatorsSearched = scope == null || scope.contains(operator) ? Set.of(operator) : Set.of();
            }
            String text = raw.q() == null || raw.q().isBlank() ? null : raw.q().strip();
            return invoices.search(new InvoiceCriteria(operatorsSearched, member, kind, from, to, text, page));
        });
    }

    @Override
    public InvoiceDetails invoice(Caller caller, NetworkSlug network, String id) {
        return access.inNetwork(caller, network, Permission.BILLING, true,
                granted -> invoices.details(billed(granted, caller, id)));
    }

    @Override
    public Rendered pdf(Caller caller, NetworkSlug network, String id) {
        // rendered after the transaction: a PDF takes a while, a database connection must not wait for it
        return render(access.inNetwork(caller, network, Permission.BILLING, true,
                granted -> invoices.details(billed(granted, caller, id))));
    }

    @Override
    public InvoiceChain.Check verify(Caller caller, NetworkSlug network, String operatorId) {
        return access.inNetwork(caller, network, Permission.BILLING, true, granted -> {
            OperatorId operator;
            try {
                operator = new OperatorId(UUID.fromString(operatorId.strip()));
            } catch (IllegalArgumentException e) {
                throw new NotFoundException("operator.not-found");
            }
            if (operators.find(operator).isEmpty() || !OperatorScope.runs(operators, granted, caller, operator)) {
                throw new NotFoundException("operator.not-found");
            }
            List<Invoice> chain = new ArrayList<>();
            invoices.forEachInChain(operator, chain::add);
            return InvoiceChain.verify(chain);
        });
    }

    @Override
    public Accounting accounting(Caller caller, NetworkSlug network, String operatorId, @Nullable String rawFrom,
            @Nullable String rawTo) {
        return access.inNetwork(caller, network, Permission.BILLING, true, granted -> {
            Operator operator = parse(operatorId).map(OperatorId::new).flatMap(operators::find)
                    .filter(o -> OperatorScope.runs(operators, granted, caller, o.id()))
                    .orElseThrow(() -> new NotFoundException("operator.not-found"));
            Fields fields = new Fields();
            LocalDate today = clock.instant().atZone(granted.network().timeZone().zone()).toLocalDate();
            LocalDate to = rawTo == null ? today : fields.optional("to", rawTo, InvoicingService::date);
            LocalDate from = rawFrom == null ? (to == null ? today : to).withDayOfYear(1)
                    : fields.optional("from", rawFrom, InvoicingService::date);
            if (from != null && to != null) {
                if (to.isBefore(from)) {
                    fields.reject("to", "invoice.accounting.period.order");
                } else if (from.plusDays(MAX_PERIOD_DAYS).isBefore(to)) {
                    fields.reject("to", "invoice.accounting.period.too-long", MAX_PERIOD_DAYS + 1);
                }
            }
            fields.throwIfInvalid();
            LocalDate start = java.util.Objects.requireNonNull(from);
            LocalDate end = java.util.Objects.requireNonNull(to);
            return new Accounting(operator.siren().siren(), operator.legalName(), start, end,
                    invoices.issuedBetween(operator.id(), start, end),
                    invoices.settledBetween(operator.id(), start, end));
        });
    }

    @Override
    public Page<InvoiceDetails> myInvoices(Caller caller, NetworkSlug network, @Nullable Integer page,
            @Nullable Integer size) {
        return access.inNetwork(caller, network, Permission.SELF_SERVICE, true, granted -> {
            PageRequest request = PageRequest.of(page, size);
            Member me = me(caller);
            return invoices.search(new InvoiceCriteria(null, me.id(), null, null, null, null, request));
        });
    }

    @Override
    public InvoiceDetails myInvoice(Caller caller, NetworkSlug network, String id) {
        return access.inNetwork(caller, network, Permission.SELF_SERVICE, true,
                granted -> invoices.details(mine(caller, id)));
    }

    @Override
    public Rendered myPdf(Caller caller, NetworkSlug network, String id) {
        return render(access.inNetwork(caller, network, Permission.SELF_SERVICE, true,
                granted -> invoices.details(mine(caller, id))));
    }

    /** The PDF of a document, for mails (inside a tenant transaction). */
    public Rendered render(InvoiceDetails details) {
        return new Rendered(details.invoice().number().value() + ".pdf", "application/pdf", documents.pdf(details));
    }

    private Invoice billed(NetworkAccess granted, Caller caller, String id) {
        return parse(id).flatMap(invoices::find)
                .filter(i -> OperatorScope.runs(operators, granted, caller, i.operator()))
                .orElseThrow(() -> new NotFoundException("invoice.not-found"));
    }

    private Invoice mine(Caller caller, String id) {
        Member me = me(caller);
        return parse(id).flatMap(invoices::find).filter(i -> i.member().equals(me.id()))
                .orElseThrow(() -> new NotFoundException("invoice.not-found"));
    }

    private Member me(Caller caller) {
        return members.findBySubject(caller.subject()).orElseThrow(() -> new NotFoundException("member.not-found"));
    }

    private static Optional<UUID> parse(String raw) {
        try {
            return Optional.of(UUID.fromString(raw.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static UUID uuid(String raw, String code) {
        try {
            return UUID.fromString(raw.strip());
        } catch (IllegalArgumentException e) {
            throw new fr.maillage.domain.shared.InvalidValueException(code);
        }
    }

    private static InvoiceKind kind(String raw) {
        try {
            return InvoiceKind.valueOf(raw.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new fr.maillage.domain.shared.InvalidValueException("invoice.kind.invalid");
        }
    }

    private static LocalDate date(String raw) {
        try {
            return LocalDate.parse(raw.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new fr.maillage.domain.shared.InvalidValueException("invoice.date.invalid");
        }
    }
}
