package fr.maillage.domain.network;

/** Whether a network is in service. An archived network keeps its data (and its slug) but cannot be changed. */
public enum NetworkStatus {
    ACTIVE,
    ARCHIVED
}
