/** Tenant isolation: the current network of a transaction, Hibernate's tenant filter, PostgreSQL row-level security, and the start-up check of the catalog. */
@NullMarked
package fr.maillage.adapter.persistence.tenant;

import org.jspecify.annotations.NullMarked;
