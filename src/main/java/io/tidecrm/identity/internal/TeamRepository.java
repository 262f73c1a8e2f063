package io.tidecrm.identity.internal;

import java.util.List;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TeamRepository extends JpaRepository<Team, Long> {

    @EntityGraph(attributePaths = "manager")
    @Query("select t from Team t order by t.name")
    List<Team> findAllForListing();

    @EntityGraph(attributePaths = "manager")
    java.util.Optional<Team> findWithManagerById(long id);

    @Query("select count(t) > 0 from Team t where lower(t.name) = lower(?1) and (?2 is null or t.id <> ?2)")
    boolean nameTaken(String name, Long exceptId);
}
