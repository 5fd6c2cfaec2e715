package fr.maillage.application.member.port.out;

import fr.maillage.domain.member.Member;

/**
 * One section of what the network holds about a member, contributed by the module that keeps it (roles, memberships
 * and payments, visits and the usage ledger, bookings, the audit log...), so that the member module depends on none
 * of them: the export of a member's data (GDPR, rights of access and to portability) collects every section there is.
 * A module adds its data to the export by implementing this port (one bean per section); nothing else changes.
 *
 * <p>Runs inside the network's (tenant) transaction: only the current network's rows can be read.
 */
public interface PersonalDataPort {

    /** The section's name in the export, unique, in camelCase ({@code memberships}, {@code visits}). */
    String section();

    /**
     * What the section holds about the member (an erased member too: then what was kept), as JSON-able values only:
     * maps with string keys, lists, strings, numbers, booleans and {@code null}; instants and dates as ISO 8601
     * strings. Usually a list of records, oldest first.
     */
    Object export(Member member);
}
