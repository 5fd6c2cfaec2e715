package fr.maillage.domain.visit;

/** How a visit began: recorded at the front desk by a manager, or by the member scanning the place's QR code. */
public enum VisitSource {
    DESK,
    QR
}
