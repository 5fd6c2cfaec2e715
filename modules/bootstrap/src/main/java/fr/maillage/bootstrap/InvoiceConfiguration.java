package fr.maillage.bootstrap;

import fr.maillage.application.access.AccessPolicy;
import fr.maillage.application.invoice.InvoicePdfAttachments;
import fr.maillage.application.invoice.InvoicingService;
import fr.maillage.application.invoice.port.out.InvoiceDocumentPort;
import fr.maillage.application.invoice.port.out.InvoicePort;
import fr.maillage.application.mail.port.out.OutboxPort;
import fr.maillage.application.member.port.out.MemberPort;
import fr.maillage.application.membership.port.out.MembershipPort;
import fr.maillage.application.setup.port.out.OperatorPort;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Invoicing: the service that issues invoices and credit notes from membership events (a
 * {@code MembershipEventListener}, picked up by {@link MembershipConfiguration}) and answers the invoice use cases.
 */
@Configuration(proxyBeanMethods = false)
public class InvoiceConfiguration {

    /** Receipts go through the outbox when one is wired ({@link OutboxPort}); without it, no mail is enqueued. */
    @Bean
    public InvoicingService invoicingService(AccessPolicy access, InvoicePort invoices, InvoiceDocumentPort documents,
            MembershipPort memberships, MemberPort members, OperatorPort operators,
            ObjectProvider<OutboxPort> outbox, Clock clock) {
        return new InvoicingService(access, invoices, documents, memberships, members, operators,
                outbox.getIfAvailable(), clock);
    }

    /** The attachment kind "invoice-pdf" of the outbox's mails. */
    @Bean
    public InvoicePdfAttachments invoicePdfAttachments(InvoicingService invoicing) {
        return new InvoicePdfAttachments(invoicing);
    }
}
