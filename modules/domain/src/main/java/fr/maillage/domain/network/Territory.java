package fr.maillage.domain.network;

import fr.maillage.domain.shared.InvalidValueException;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The départements a network covers, in the order given, without repeats. A network covers at least one
 * département (the Baronnies provençales straddle two: {@code 26} and {@code 05}).
 */
public record Territory(List<DepartementCode> departements) {

    public static final int MAX_DEPARTEMENTS = 30;

    public Territory {
        departements = List.copyOf(new LinkedHashSet<>(departements));
        if (departements.isEmpty()) {
            throw new InvalidValueException("network.territory.empty");
        }
        if (departements.size() > MAX_DEPARTEMENTS) {
            throw new InvalidValueException("network.territory.too-large", MAX_DEPARTEMENTS);
        }
    }

    public static Territory of(List<String> codes) {
        return new Territory(codes.stream().map(DepartementCode::of).toList());
    }

    public static Territory of(String... codes) {
        return of(List.of(codes));
    }

    public List<String> codes() {
        return departements.stream().map(DepartementCode::value).toList();
    }

    public boolean covers(DepartementCode code) {
        return departements.contains(code);
    }
}
