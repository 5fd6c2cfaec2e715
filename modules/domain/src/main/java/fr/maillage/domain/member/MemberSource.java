package fr.maillage.domain.member;

/** How a member came in: they signed up, a manager created or invited them, or a list was imported. */
public enum MemberSource { SIGN_UP, MANAGER, IMPORT }
