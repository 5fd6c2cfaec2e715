package fr.maillage.adapter.persistence.setup;

import fr.maillage.adapter.persistence.tenant.TenantScope;
import fr.maillage.adapter.persistence.transaction.TransactionalUnitOfWork;
import fr.maillage.application.setup.port.in.OpeningHoursCommand;
import fr.maillage.application.setup.port.out.OperatorPort;
import fr.maillage.application.setup.port.out.PlacePort;
import fr.maillage.application.shared.Fields;
import fr.maillage.application.shared.Page;
import fr.maillage.application.shared.PageRequest;
import fr.maillage.application.shared.StaleVersionException;
import fr.maillage.domain.hours.OpeningHours;
import fr.maillage.domain.money.VatRate;
import fr.maillage.domain.network.NetworkId;
import fr.maillage.domain.operator.InvoicePrefix;
import fr.maillage.domain.operator.Operator;
import fr.maillage.domain.operator.OperatorId;
import fr.maillage.domain.operator.Siren;
import fr.maillage.domain.operator.VatRegime;
import fr.maillage.domain.place.Accessibility;
import fr.maillage.domain.place.Coordinates;
import fr.maillage.domain.place.InseeCode;
import fr.maillage.domain.place.LocalizedText;
import fr.maillage.domain.place.Place;
import fr.maillage.domain.place.PlaceId;
import fr.maillage.domain.place.PlaceKind;
import fr.maillage.domain.place.PlaceService;
import fr.maillage.domain.place.PlaceStatus;
import fr.maillage.domain.shared.ConflictException;
import fr.maillage.domain.shared.PostalAddress;
import fr.maillage.domain.shared.Slug;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.exception.ConstraintViolationException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Operators, managers' operators and places, in the current network's tenant transaction. */
@Component
class SetupPersistenceAdapter implements OperatorPort, PlacePort {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Places read back, parsed, by id: reused while the row's version and the network's time zone are the same. */
    private static final int PARSED_MAX = 10_000;

    private final Map<UUID, ParsedPlace> parsed = new ConcurrentHashMap<>();
    private final JdbcTemplate jdbc;

    @PersistenceContext
    private EntityManager em;

    SetupPersistenceAdapter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private record ParsedPlace(UUID network, long version, ZoneId zone, StoredPlace place) {
    }

    // ------------------------------------------------------------------------------------------ operators

    @Override
    public Optional<Operator> find(OperatorId id) {
        return Optional.ofNullable(em.find(OperatorEntity.class, id.value())).map(SetupPersistenceAdapter::operator);
    }

    @Override
    public Page<Operator> list(PageRequest page) {
        List<Operator> items = em.createQuery("select o from OperatorEntity o order by o.legalName, o.id",
                        OperatorEntity.class)
                .setFirstResult((int) page.offset()).setMaxResults(page.size())
                .getResultStream().map(SetupPersistenceAdapter::operator).toList();
        long total = em.createQuery("select count(o) from OperatorEntity o", Long.class).getSingleResult();
        return new Page<>(items, page.page(), page.size(), total);
    }

    @Override
    public Operator insert(Operator operator) {
        OperatorEntity e = new OperatorEntity();
        e.networkId = operator.network().value();
        e.id = operator.id().value();
        e.createdAt = operator.createdAt();
        apply(e, operator);
        try {
            em.persist(e);
            em.flush();
        } catch (ConstraintViolationException ex) {
            throw translate(ex, operator.invoicePrefix());
        }
        return operator(e);
    }

    @Override
    public Operator update(Operator operator) {
        OperatorEntity e = em.find(OperatorEntity.class, operator.id().value());
        if (e == null || e.version != operator.version()) {
            throw new StaleVersionException(false);
        }
        apply(e, operator);
        try {
            em.flush();
        } catch (OptimisticLockException ex) {
            throw new StaleVersionException(false);
        } catch (ConstraintViolationException ex) {
            throw translate(ex, operator.invoicePrefix());
        }
        return operator(e);
    }

    @Override
    public boolean prefixTaken(InvoicePrefix prefix, OperatorId except) {
        return em.createQuery("select count(o) from OperatorEntity o where o.invoicePrefix = :p and o.id <> :id",
                        Long.class)
                .setParameter("p", prefix.value()).setParameter("id", except.value()).getSingleResult() > 0;
    }

    @Override
    public Set<OperatorId> operatorsOfManager(String subject) {
        // Asked by most requests of a manager: plain JDBC (see find(PlaceId)); written by flushed statements only.
        Set<OperatorId> operators = new LinkedHashSet<>();
        jdbc.query("select operator_id from manager_operator where network_id = ? and subject = ? order by operator_id",
                rs -> {
                    operators.add(new OperatorId(rs.getObject(1, UUID.class)));
                }, TenantScope.current(), subject);
        return operators;
    }

    @Override
    public void setOperatorsOfManager(String subject, Set<OperatorId> operators) {
        em.createQuery("delete from ManagerOperatorEntity m where m.subject = :s").setParameter("s", subject)
                .executeUpdate();
        for (OperatorId id : operators) {
            ManagerOperatorEntity m = new ManagerOperatorEntity();
            m.networkId = TenantScope.current();
            m.subject = subject;
            m.operatorId = id.value();
            em.persist(m);
        }
        em.flush();
    }

    private static void apply(OperatorEntity e, Operator o) {
        e.legalName = o.legalName();
        e.siren = o.siren().value();
        e.addressLine1 = o.address().line1();
        e.addressLine2 = o.address().line2();
        e.postalCode = o.address().postalCode();
        e.town = o.address().town();
        switch (o.vatRegime()) {
            case VatRegime.Liable l -> {
                e.vatRegime = "LIABLE";
                e.vatRates = l.rates().stream().mapToInt(VatRate::basisPoints).toArray();
                e.vatLegalBasis = null;
            }
            case VatRegime.Franchise f -> {
                e.vatRegime = "FRANCHISE";
                e.vatRates = new int[0];
                e.vatLegalBasis = null;
            }
            case VatRegime.Exempt x -> {
                e.vatRegime = "EXEMPT";
                e.vatRates = new int[0];
                e.vatLegalBasis = x.legalBasis();
            }
        }
        e.invoicePrefix = o.invoicePrefix().value();
        e.updatedAt = o.updatedAt();
    }

    private static Operator operator(OperatorEntity e) {
        VatRegime regime = switch (e.vatRegime) {
            case "LIABLE" -> new VatRegime.Liable(Arrays.stream(e.vatRates).mapToObj(VatRate::new).toList());
            case "FRANCHISE" -> new VatRegime.Franchise();
            default -> new VatRegime.Exempt(String.valueOf(e.vatLegalBasis));
        };
        return new Operator(new OperatorId(e.id), new NetworkId(e.networkId), e.legalName, new Siren(e.siren),
                new PostalAddress(e.addressLine1, e.addressLine2, e.postalCode, e.town), regime,
                new InvoicePrefix(e.invoicePrefix), e.createdAt, e.updatedAt, e.version);
    }

    private static RuntimeException translate(ConstraintViolationException ex, InvoicePrefix prefix) {
        if ("operator_invoice_prefix_key".equals(ex.getConstraintName())) {
            return new ConflictException("operator.invoice-prefix.taken", prefix.value());
        }
        return ex;
    }

    // ------------------------------------------------------------------------------------------ places

    @Override
    public Optional<StoredPlace> find(PlaceId id) {
        // On the path of every check-in and booking: plain JDBC, since Hibernate builds a one-off loader for each
        // find while its tenant filter is on; pending changes are flushed first so that the read sees them. The
        // parsed place (opening hours included) is reused while its version stays the same.
        em.flush();
        UUID network = TenantScope.current();
        ZoneId zone = zone();
        ParsedPlace known = parsed.get(id.value());
        List<Long> version = jdbc.queryForList("select version from place where network_id = ? and id = ?",
                Long.class, network, id.value());
        if (version.isEmpty()) {
            return Optional.empty();
        }
        if (known != null && known.network().equals(network) && known.version() == version.getFirst()
                && known.zone().equals(zone)) {
            return Optional.of(known.place());
        }
        Optional<StoredPlace> read = Optional.ofNullable(em.find(PlaceEntity.class, id.value())).map(e -> place(e, zone));
        read.ifPresent(p -> {
            if (parsed.size() >= PARSED_MAX) {
                parsed.clear();
            }
            parsed.put(id.value(), new ParsedPlace(network, p.place().version(), zone, p));
        });
        return read;
    }

    @Override
    public Optional<StoredPlace> findBySlug(Slug slug) {
        return em.createQuery("select p from PlaceEntity p where p.slug = :s", PlaceEntity.class)
                .setParameter("s", slug.value()).getResultStream().findFirst().map(this::place);
    }

    @Override
    public Page<StoredPlace> list(@Nullable Set<OperatorId> operators, boolean openOnly, PageRequest page) {
        String where = " where 1 = 1" + (openOnly ? " and p.status = 'OPEN'" : "")
                + (operators == null ? "" : " and p.operatorId in :ops");
        var query = em.createQuery("select p from PlaceEntity p" + where + " order by p.name, p.id", PlaceEntity.class);
        var count = em.createQuery("select count(p) from PlaceEntity p" + where, Long.class);
        if (operators != null) {
            List<java.util.UUID> ids = operators.stream().map(OperatorId::value).toList();
            query.setParameter("ops", ids);
            count.setParameter("ops", ids);
        }
        ZoneId zone = zone();
        List<StoredPlace> items = query.setFirstResult((int) page.offset()).setMaxResults(page.size())
                .getResultStream().map(e -> place(e, zone)).toList();
        return new Page<>(items, page.page(), page.size(), count.getSingleResult());
    }

    @Override
    public StoredPlace insert(StoredPlace stored) {
        PlaceEntity e = new PlaceEntity();
        e.networkId = stored.place().network().value();
        e.id = stored.place().id().value();
        e.createdAt = stored.place().createdAt();
        apply(e, stored);
        try {
            em.persist(e);
            em.flush();
        } catch (ConstraintViolationException ex) {
            throw translate(ex, stored.place().slug());
        }
        return place(e);
    }

    @Override
    public StoredPlace update(StoredPlace stored) {
        PlaceEntity e = em.find(PlaceEntity.class, stored.place().id().value());
        if (e == null || e.version != stored.place().version()) {
            throw new StaleVersionException(false);
        }
        apply(e, stored);
        try {
            em.flush();
        } catch (OptimisticLockException ex) {
            throw new StaleVersionException(false);
        } catch (ConstraintViolationException ex) {
            throw translate(ex, stored.place().slug());
        }
        return place(e);
    }

    @Override
    public String openPlacesStamp() {
        Object[] row = (Object[]) em.createNativeQuery("""
                select count(*), coalesce(sum(version), 0), coalesce(max(updated_at)::text, ''),
                       coalesce(sum(hashtext(id::text)), 0)
                from place where status = 'OPEN'""").getSingleResult();
        return row[0] + "/" + row[1] + "/" + row[2] + "/" + row[3];
    }

    private static RuntimeException translate(ConstraintViolationException ex, Slug slug) {
        if ("place_slug_key".equals(ex.getConstraintName())) {
            return new ConflictException("place.slug.taken", slug.value());
        }
        return ex;
    }

    private static void apply(PlaceEntity e, StoredPlace stored) {
        Place p = stored.place();
        e.operatorId = p.operator().value();
        e.slug = p.slug().value();
        e.name = p.name();
        e.kinds = p.kinds().stream().map(Enum::name).sorted().toArray(String[]::new);
        e.addressLine1 = p.address().line1();
        e.addressLine2 = p.address().line2();
        e.postalCode = p.address().postalCode();
        e.town = p.address().town();
        e.commune = p.commune();
        e.inseeCode = p.insee().value();
        e.departement = p.insee().departement().value();
        e.latitude = p.coordinates().latitude();
        e.longitude = p.coordinates().longitude();
        e.capacity = p.capacity();
        e.services = p.services().stream().map(Enum::name).sorted().toArray(String[]::new);
        e.servicesNote = p.servicesNote();
        e.stepFreeAccess = p.accessibility().stepFreeAccess();
        e.accessibleToilets = p.accessibility().accessibleToilets();
        e.accessibilityNote = p.accessibility().note();
        e.status = p.status().name();
        e.descriptionFr = p.description().fr();
        e.descriptionEn = p.description().en();
        e.openingHours = JSON.writeValueAsString(OpeningHoursCommand.of(stored.hours()));
        e.updatedAt = p.updatedAt();
    }

    private StoredPlace place(PlaceEntity e) {
        return place(e, zone());
    }

    private static StoredPlace place(PlaceEntity e, ZoneId zone) {
        Set<PlaceKind> kinds = EnumSet.noneOf(PlaceKind.class);
        Arrays.stream(e.kinds).map(PlaceKind::valueOf).forEach(kinds::add);
        Set<PlaceService> services = EnumSet.noneOf(PlaceService.class);
        Arrays.stream(e.services).map(PlaceService::valueOf).forEach(services::add);
        Place place = new Place(new PlaceId(e.id), new NetworkId(e.networkId), new OperatorId(e.operatorId),
                new Slug(e.slug), e.name, kinds, new PostalAddress(e.addressLine1, e.addressLine2, e.postalCode, e.town),
                e.commune, new InseeCode(e.inseeCode), new Coordinates(e.latitude, e.longitude), e.capacity, services,
                e.servicesNote, new Accessibility(e.stepFreeAccess, e.accessibleToilets, e.accessibilityNote),
                PlaceStatus.valueOf(e.status), new LocalizedText(e.descriptionFr, e.descriptionEn), e.createdAt,
                e.updatedAt, e.version);
        Fields fields = new Fields();
        OpeningHours hours = JSON.readValue(e.openingHours, OpeningHoursCommand.class).parse(fields, "hours", zone);
        if (hours == null) {
            throw new IllegalStateException("stored opening hours of place " + e.id + " do not read back");
        }
        return new StoredPlace(place, hours);
    }

    /**
     * The time zone of the current network (the transaction's tenant): read by the statement that opened the tenant
     * transaction, else asked.
     */
    private ZoneId zone() {
        ZoneId known = TransactionalUnitOfWork.currentZone();
        if (known != null) {
            return known;
        }
        String zone = (String) em.createNativeQuery("select time_zone from network where id = :id")
                .setParameter("id", TenantScope.current()).getSingleResult();
        return ZoneId.of(zone);
    }
}
