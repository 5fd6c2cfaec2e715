package fr.maillage.application.setup.port.out;

import fr.maillage.application.shared.Page;
import fr.maillage.application.shared.PageRequest;
import fr.maillage.domain.hours.OpeningHours;
import fr.maillage.domain.place.Place;
import fr.maillage.domain.place.PlaceId;
import fr.maillage.domain.shared.Slug;
import java.util.Optional;
import java.util.Set;
import fr.maillage.domain.operator.OperatorId;
import org.jspecify.annotations.Nullable;

/** Places of the current network (runs inside its tenant transaction). */
public interface PlacePort {

    Optional<StoredPlace> find(PlaceId id);

    Optional<StoredPlace> findBySlug(Slug slug);

    /** Places, all or only those of some operators ({@code null}: all), sorted by name. */
    Page<StoredPlace> list(@Nullable Set<OperatorId> operators, boolean openOnly, PageRequest page);

    /** @throws fr.maillage.domain.shared.ConflictException {@code place.slug.taken} */
    StoredPlace insert(StoredPlace place);

    StoredPlace update(StoredPlace place);

    /**
     * A cheap fingerprint of the open places (their number, ids and versions, summed): it changes whenever an open
     * place is added, changed, closed or reopened. Lets the directory reuse what it rendered.
     */
    String openPlacesStamp();

    /** A place with its opening hours, as stored. */
    record StoredPlace(Place place, OpeningHours hours) {
    }
}
