package fr.maillage.application.offer;

import fr.maillage.application.access.AccessPolicy;
import fr.maillage.application.access.NetworkAccess;
import fr.maillage.application.access.Permission;
import fr.maillage.application.audit.AuditLog;
import fr.maillage.application.setup.OperatorScope;
import fr.maillage.application.offer.port.in.ManageOffersUseCase;
import fr.maillage.application.offer.port.in.OfferCommand;
import fr.maillage.application.offer.port.in.OffersQuery;
import fr.maillage.application.offer.port.out.OfferPort;
import fr.maillage.application.offer.port.out.OfferPort.OfferView;
import fr.maillage.application.setup.port.out.OperatorPort;
import fr.maillage.application.setup.port.out.PlacePort;
import fr.maillage.application.shared.Caller;
import fr.maillage.application.shared.FieldViolation;
import fr.maillage.application.shared.InvalidInputException;
import fr.maillage.application.shared.NotFoundException;
import fr.maillage.application.shared.Page;
import fr.maillage.application.shared.PageRequest;
import fr.maillage.application.shared.StaleVersionException;
import fr.maillage.domain.network.Network;
import fr.maillage.domain.network.NetworkSlug;
import fr.maillage.domain.offer.Offer;
import fr.maillage.domain.offer.OfferScope;
import fr.maillage.domain.operator.Operator;
import fr.maillage.domain.place.PlaceId;
import fr.maillage.domain.shared.ConflictException;
import fr.maillage.domain.shared.Ids;
import fr.maillage.domain.shared.InvalidValueException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The offers operators sell: access as for places ({@link Permission#MANAGE_PLACES}, managers for their operators). */
public final class OfferService implements ManageOffersUseCase, OffersQuery {

    private final AccessPolicy access;
    private final OfferPort offers;
    private final OperatorPort operators;
    private final PlacePort places;
    private final AuditLog audit;
    private final Clock clock;

    public OfferService(AccessPolicy access, OfferPort offers, OperatorPort operators, PlacePort places,
            AuditLog audit, Clock clock) {
        this.access = access;
        this.offers = offers;
        this.operators = operators;
        this.places = places;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public OfferView createOffer(Caller caller, NetworkSlug network, OfferCommand.Raw raw) {
        return access.inNetwork(caller, network, Permission.MANAGE_PLACES, false, granted -> {
            Network n = granted.writableNetwork();
            OfferCommand c = OfferCommand.parse(raw);
            Offer offer = offers.insert(build(granted, caller, c, Ids.newId(clock), false, false, 0));
            audit.record(n.id(), caller, "offer.created", offer.id().toString(), Map.of());
            return view(offer);
        });
    }

    @Override
    public OfferView updateOffer(Caller caller, NetworkSlug network, UUID id, OfferCommand.Raw raw,
            @Nullable Long expectedVersion) {
        return access.inNetwork(caller, network, Permission.MANAGE_PLACES, false, granted -> {
            Network n = granted.writableNetwork();
            Offer current = managed(granted, caller, id);
            if (expectedVersion != null && expectedVersion != current.version()) {
                throw new StaleVersionException(true);
            }
            OfferCommand c = OfferCommand.parse(raw);
            Offer saved = offers.update(build(granted, caller, c, id, current.archived(), current.sold(),
                    current.version()));
            audit.record(n.id(), caller, "offer.updated", id.toString(), Map.of());
            return view(saved);
        });
    }

    @Override
    public OfferView archiveOffer(Caller caller, NetworkSlug network, UUID id) {
        return access.inNetwork(caller, network, Permission.MANAGE_PLACES, false, granted -> {
            Network n = granted.writableNetwork();
            Offer current = managed(granted, caller, id);
            if (current.archived()) {
                return view(current);
            }
            Offer saved = offers.update(new Offer(current.id(), current.network(), current.operator(),
                    current.name(), current.terms(), current.price(), current.vatRate(), current.scope(), true,
                    current.sold(), current.version()));
            audit.record(n.id(), caller, "offer.archived", id.toString(), Map.of());
            return view(saved);
        });
    }

    @Override
    public Page<OfferView> offers(Caller caller, NetworkSlug network, PageRequest page) {
        return access.inNetwork(caller, network, Permission.READ_NETWORK, true, granted -> {
            Page<Offer> found = offers.list(page);
            return new Page<>(found.items().stream().map(this::view).toList(), found.page(), found.size(),
                    found.totalItems());
        });
    }

    @Override
    public OfferView offer(Caller caller, NetworkSlug network, UUID id) {
        return access.inNetwork(caller, network, Permission.READ_NETWORK, true,
                granted -> view(offers.find(id).orElseThrow(() -> new NotFoundException("offer.not-found"))));
    }

    private OfferView view(Offer offer) {
        return new OfferView(offer, operators.find(offer.operator()).orElseThrow().vatRegime());
    }

    /** The offer, if the caller manages it (a manager sees another operator's offer as missing). */
    private Offer managed(NetworkAccess granted, Caller caller, UUID id) {
        Offer current = offers.find(id).orElseThrow(() -> new NotFoundException("offer.not-found"));
        if (!OperatorScope.runs(operators, granted, caller, current.operator())) {
            throw new NotFoundException("offer.not-found");
        }
        return current;
    }

    private Offer build(NetworkAccess granted, Caller caller, OfferCommand c, UUID id, boolean archived,
            boolean sold, long version) {
        Operator operator = operators.find(c.operator())
                .filter(o -> OperatorScope.runs(operators, granted, caller, o.id()))
                .orElseThrow(() -> invalid("operatorId", "operator.not-found"));
        try {
            Offer.checkVat(operator.vatRegime(), c.vatRate());
        } catch (InvalidValueException e) {
            throw invalid("vatRate", e.code());
        }
        OfferScope scope = switch (c.scopeType()) {
            case OPERATOR_PLACES -> new OfferScope.OperatorPlaces();
            case CHOSEN_PLACES -> {
                for (PlaceId place : c.places()) {
                    if (places.find(place).filter(p -> p.place().operator().equals(operator.id())).isEmpty()) {
                        throw invalid("scope.placeIds", "offer.scope.place.not-of-operator");
                    }
                }
                yield new OfferScope.ChosenPlaces(c.places());
            }
            case WHOLE_NETWORK -> {
                if (!granted.network().networkPassesAllowed()) {
                    throw new ConflictException("offer.scope.network-passes-not-allowed");
                }
                yield new OfferScope.WholeNetwork();
            }
        };
        return new Offer(id, granted.network().id(), operator.id(), c.name(), c.terms(), c.price(), c.vatRate(),
                scope, archived, sold, version);
    }

    private static InvalidInputException invalid(String field, String code) {
        return new InvalidInputException(List.of(new FieldViolation(field, code, List.of())));
    }
}
