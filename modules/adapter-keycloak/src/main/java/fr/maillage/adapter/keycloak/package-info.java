/**
 * The identity provider adapter: organizations (one per network) and people in Keycloak, through
 * keycloak-admin-client and the service account of the {@code maillage-api} client.
 */
@NullMarked
package fr.maillage.adapter.keycloak;

import org.jspecify.annotations.NullMarked;
