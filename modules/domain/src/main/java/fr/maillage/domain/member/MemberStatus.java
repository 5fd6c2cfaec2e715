package fr.maillage.domain.member;

/** A member is active until erased (GDPR): erasure pseudonymises the profile and keeps what the law requires. */
public enum MemberStatus { ACTIVE, ERASED }
