package io.tidecrm.identity.internal;

import java.util.List;
import java.util.Optional;

import io.tidecrm.identity.Role;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    @Query("select u from UserAccount u left join fetch u.team where lower(u.username) = lower(?1)")
    Optional<UserAccount> findByUsernameIgnoreCase(String username);

    boolean existsByUsernameIgnoreCase(String username);

    @EntityGraph(attributePaths = "team")
    @Query("select u from UserAccount u left join u.team t order by t.name nulls first, u.displayName")
    List<UserAccount> findAllForListing();

    /**
     * Enabled users as summaries, straight from the query: no entities to hydrate and track, for
     * the pages that list everyone (the leaderboard lists every rep on every load).
     */
    @Query("""
            select new io.tidecrm.identity.UserSummary(u.id, u.username, u.displayName, u.role, t.id, t.name,
                u.enabled, u.email)
            from UserAccount u left join u.team t where u.enabled = true order by t.name nulls first, u.displayName""")
    List<io.tidecrm.identity.UserSummary> findEnabledSummaries();

    @EntityGraph(attributePaths = "team")
    @Query("select u from UserAccount u where u.team.id = ?1 and u.enabled = true order by u.displayName")
    List<UserAccount> findEnabledByTeam(long teamId);

    @EntityGraph(attributePaths = "team")
    @Query("select u from UserAccount u where u.role = ?1 and u.enabled = true order by u.displayName")
    List<UserAccount> findEnabledByRole(Role role);

    @Query("select u.id from UserAccount u where u.role = ?1 and u.enabled = true")
    List<Long> findEnabledIdsByRole(Role role);

    /** Locks every enabled administrator, so that two demotions cannot both see "another admin remains". */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select u from UserAccount u where u.role = io.tidecrm.identity.Role.ADMIN and u.enabled = true")
    List<UserAccount> lockEnabledAdmins();

    long countByRoleAndEnabledTrue(Role role);

    @EntityGraph(attributePaths = "team")
    Optional<UserAccount> findWithTeamById(long id);

    @Query("select u.id from UserAccount u where u.team.manager.id = ?1")
    List<Long> findIdsInTeamsManagedBy(long managerId);

    @Query("select t.manager.id from UserAccount u join u.team t where u.id = ?1 and t.manager is not null")
    List<Long> findManagerIdsOf(long userId);
}
