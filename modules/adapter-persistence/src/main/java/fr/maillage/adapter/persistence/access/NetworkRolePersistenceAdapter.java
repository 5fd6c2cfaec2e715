package fr.maillage.adapter.persistence.access;

import fr.maillage.application.access.port.out.PersonRoles;
import fr.maillage.application.access.port.out.RoleGrant;
import fr.maillage.application.access.port.out.NetworkRolePort;
import fr.maillage.application.shared.Page;
import fr.maillage.application.shared.PageRequest;
import fr.maillage.domain.network.NetworkId;
import fr.maillage.domain.network.NetworkRole;
import fr.maillage.domain.shared.Ids;
import jakarta.persistence.EntityManager;
import org.springframework.jdbc.core.JdbcTemplate;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Roles in {@code network_role}. Queries name no network: Hibernate's tenant filter and row-level security confine
 * them to the transaction's network; the network argument is checked against it.
 */
@Component
class NetworkRolePersistenceAdapter implements NetworkRolePort {

    private final Clock clock;
    private final JdbcTemplate jdbc;

    @PersistenceContext
    private EntityManager entityManager;

    NetworkRolePersistenceAdapter(Clock clock, JdbcTemplate jdbc) {
        this.clock = clock;
        this.jdbc = jdbc;
    }

    @Override
    public Set<NetworkRole> rolesOf(NetworkId network, String subject) {
        // Asked by every request of a network: plain JDBC (Hibernate translates a query again for each call when its
        // tenant filter is on); roles are only written by flushed native statements.
        Set<NetworkRole> roles = EnumSet.noneOf(NetworkRole.class);
        jdbc.query("select role from network_role where network_id = ? and subject = ?",
                rs -> {
                    roles.add(NetworkRole.valueOf(rs.getString(1)));
                }, network.value(), subject);
        return roles;
    }

    @Override
    public boolean grant(RoleGrant grant) {
        int inserted = entityManager.createNativeQuery("""
                insert into network_role (network_id, id, subject, role, email, granted_at, granted_by)
                values (:network, :id, :subject, :role, :email, :grantedAt, :grantedBy)
                on conflict (network_id, subject, role) do nothing""")
                .setParameter("network", grant.network().value())
                .setParameter("id", Ids.newId(clock))
                .setParameter("subject", grant.subject())
                .setParameter("role", grant.role().name())
                .setParameter("email", grant.email().value())
                .setParameter("grantedAt", grant.grantedAt())
                .setParameter("grantedBy", grant.grantedBy())
                .executeUpdate();
        return inserted == 1;
    }

    @Override
    public boolean revoke(NetworkId network, String subject, NetworkRole role) {
        return entityManager.createQuery("delete from NetworkRoleEntity r where r.subject = :subject and r.role = :role")
                .setParameter("subject", subject)
                .setParameter("role", role.name())
                .executeUpdate() == 1;
    }

    @Override
    public long holders(NetworkId network, NetworkRole role) {
        return entityManager.createQuery("select count(r) from NetworkRoleEntity r where r.role = :role", Long.class)
                .setParameter("role", role.name())
                .getSingleResult();
    }

    @Override
    public Page<PersonRoles> people(NetworkId network, PageRequest page) {
        List<Object[]> subjects = entityManager.createQuery("""
                        select r.subject, min(r.email) from NetworkRoleEntity r
                        group by r.subject order by min(r.email), r.subject""", Object[].class)
                .setFirstResult((int) page.offset())
                .setMaxResults(page.size())
                .getResultList();
        long total = entityManager.createQuery("select count(distinct r.subject) from NetworkRoleEntity r", Long.class)
                .getSingleResult();
        Map<String, PersonRoles> people = new LinkedHashMap<>();
        if (!subjects.isEmpty()) {
            List<String> ids = subjects.stream().map(row -> (String) row[0]).toList();
            Map<String, Set<NetworkRole>> roles = entityManager.createQuery(
                            "select r from NetworkRoleEntity r where r.subject in :subjects", NetworkRoleEntity.class)
                    .setParameter("subjects", ids)
                    .getResultStream()
                    .collect(Collectors.groupingBy(NetworkRoleEntity::subject, Collectors.mapping(
                            r -> NetworkRole.valueOf(r.role()),
                            Collectors.toCollection(() -> EnumSet.noneOf(NetworkRole.class)))));
            for (Object[] row : subjects) {
                String subject = (String) row[0];
                people.put(subject, new PersonRoles(subject, (String) row[1], roles.getOrDefault(subject, Set.of())));
            }
        }
        return new Page<>(List.copyOf(people.values()), page.page(), page.size(), total);
    }
}
