package fr.maillage.domain.place;

/** What a tiers-lieu is; a place may be several at once (a telecentre with a fab lab inside an MSAP). */
public enum PlaceKind {
    COWORKING,
    FAB_LAB,
    TELECENTRE,
    PUBLIC_DIGITAL_SPACE,
    FRANCE_SERVICES,
    OTHER
}
