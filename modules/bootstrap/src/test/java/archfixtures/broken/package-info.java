/**
 * A mini-hexagon rooted at {@code archfixtures.broken} in which each class breaks one architecture rule (its name says
 * which), plus a few compliant classes that the rules must leave alone.
 */
package archfixtures.broken;
