/** A real Keycloak for tests, shared by all the tests of a JVM. Published in the module's test-jar. */
@NullMarked
package fr.maillage.adapter.keycloak.testing;

import org.jspecify.annotations.NullMarked;
