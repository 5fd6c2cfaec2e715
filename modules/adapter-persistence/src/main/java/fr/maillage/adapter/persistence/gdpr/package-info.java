/**
 * A member's personal data, section by section, for the GDPR export ({@code PersonalDataPort}), and what each module
 * does when a member is erased ({@code MemberErasurePort}): plain SQL by {@code member_id} (or the person's subject)
 * in the network's transaction, so that row-level security confines every statement to the network. Each class is
 * named after the module that owns the tables it reads; a module may move its own beside its adapter.
 */
@NullMarked
package fr.maillage.adapter.persistence.gdpr;

import org.jspecify.annotations.NullMarked;
