/**
 * Storage of visits and of the usage ledger, and the consumption of card entries on the memberships table: plain SQL
 * on the tenant transaction's connection (row-level security applies), so that each consumption is one conditional
 * statement PostgreSQL serialises, and attendance is aggregated by the database.
 */
@NullMarked
package fr.maillage.adapter.persistence.visit;

import org.jspecify.annotations.NullMarked;
