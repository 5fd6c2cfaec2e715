package fr.maillage.domain.place;

/** The catalogue of services and equipment a place may offer (free text completes it). */
public enum PlaceService {
    WIFI,
    FIBRE,
    PRINTER,
    SCANNER,
    MEETING_ROOM,
    VIDEOCONFERENCE,
    PHONE_BOOTH,
    KITCHEN,
    COFFEE,
    LOCKERS,
    PARKING,
    BIKE_PARKING,
    PUBLIC_TRANSPORT,
    THREE_D_PRINTER,
    LASER_CUTTER,
    CNC_MILL,
    ELECTRONICS_BENCH,
    SEWING_MACHINE,
    WOODWORKING,
    DIGITAL_HELP,
    PUBLIC_COMPUTERS,
    CHILDCARE_NEARBY,
    EVENT_SPACE,
    OUTDOOR_SPACE
}
