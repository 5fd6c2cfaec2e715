package fr.maillage.application.network.port.in;

import fr.maillage.application.shared.PageRequest;
import fr.maillage.domain.network.NetworkStatus;
import org.jspecify.annotations.Nullable;

/** Which networks to list: all, or only those of one status; sorted by slug. */
public record NetworkListCriteria(@Nullable NetworkStatus status, PageRequest page) {
}
