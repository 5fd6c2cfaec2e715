package fr.maillage.application.access;

import fr.maillage.domain.network.NetworkRole;
import java.util.EnumSet;
import java.util.Set;

/** What can be done in a network, and which roles may do it. */
public enum Permission {
    READ_NETWORK,
    UPDATE_NETWORK,
    ARCHIVE_NETWORK,
    READ_PEOPLE,
    MANAGE_PEOPLE,
    READ_AUDIT,
    /** Create and change operators, and say which operators a manager runs. */
    MANAGE_OPERATORS,
    /** Create and change places, resources and offers: animators everywhere, managers for their operators only. */
    MANAGE_PLACES,
    /** Find, create, invite, import, edit and erase the network's members (managers: any member of the network). */
    MANAGE_MEMBERS,
    /** Sell memberships, record offline payments, cancel: managers for the offers of their operators only. */
    SELL,
    /** Check members in and out, see who is present, override opening hours: managers at their places only. */
    FRONT_DESK,
    /** Attendance figures and settlements between operators: managers for their operators only. */
    READ_REPORTS,
    /**
     * Invoices and credit notes, their PDFs and integrity check, accounting exports, and the operator's payment
     * account (Stripe Connect): managers for their operators only.
     */
    BILLING,
    /** A member's own life in the network: profile, memberships, check-in by QR code, bookings, paying online. */
    SELF_SERVICE,
    /** Set or remove the platform's fee on the network's online payments: platform admins only. */
    MANAGE_PLATFORM_FEE;

    private static final Set<Permission> ANIMATOR = EnumSet.of(READ_NETWORK, UPDATE_NETWORK, READ_PEOPLE,
            MANAGE_PEOPLE, READ_AUDIT, MANAGE_OPERATORS, MANAGE_PLACES, MANAGE_MEMBERS, SELL, FRONT_DESK,
            READ_REPORTS, BILLING);
    private static final Set<Permission> MANAGER = EnumSet.of(READ_NETWORK, READ_PEOPLE, MANAGE_PLACES,
            MANAGE_MEMBERS, SELL, FRONT_DESK, READ_REPORTS, BILLING);
    private static final Set<Permission> MEMBER = EnumSet.of(READ_NETWORK, SELF_SERVICE);
    /** Platform admins run the platform: they set networks up and hand them to their animators. */
    private static final Set<Permission> PLATFORM_ADMIN = EnumSet.allOf(Permission.class);

    public static Set<Permission> of(NetworkRole role) {
        return switch (role) {
            case ANIMATOR -> ANIMATOR;
            case MANAGER -> MANAGER;
            case MEMBER -> MEMBER;
        };
    }

    public static Set<Permission> ofPlatformAdmin() {
        return PLATFORM_ADMIN;
    }
}
