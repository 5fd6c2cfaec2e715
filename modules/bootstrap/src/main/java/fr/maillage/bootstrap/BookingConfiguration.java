package fr.maillage.bootstrap;

import fr.maillage.application.access.AccessPolicy;
import fr.maillage.application.audit.AuditLog;
import fr.maillage.application.booking.BookingService;
import fr.maillage.application.booking.port.out.BookingFeedPort;
import fr.maillage.application.booking.port.out.BookingPort;
import fr.maillage.application.member.MemberProfiles;
import fr.maillage.application.member.port.out.MemberPort;
import fr.maillage.application.setup.port.out.OperatorPort;
import fr.maillage.application.setup.port.out.PlacePort;
import fr.maillage.application.setup.port.out.ResourcePort;
import fr.maillage.application.shared.port.out.UnitOfWorkPort;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The use cases of bookings: booking and cancelling, agendas, a member's bookings and their calendar feed. */
@Configuration(proxyBeanMethods = false)
public class BookingConfiguration {

    @Bean
    public BookingService bookingService(AccessPolicy access, BookingPort bookings, BookingFeedPort feeds,
            ResourcePort resources, PlacePort places, OperatorPort operators, MemberPort members,
            MemberProfiles profiles, UnitOfWorkPort unitOfWork, AuditLog audit, Clock clock) {
        return new BookingService(access, bookings, feeds, resources, places, operators, members, profiles,
                unitOfWork, audit, clock);
    }
}
