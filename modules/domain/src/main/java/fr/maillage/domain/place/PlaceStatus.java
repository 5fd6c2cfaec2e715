package fr.maillage.domain.place;

/** Where a place is in its life: a project (announced), open, or closed. Only open places are in the directory. */
public enum PlaceStatus {
    PROJECT,
    OPEN,
    CLOSED
}
