package io.tidecrm.identity.internal;

import java.time.Instant;

import io.tidecrm.identity.TeamSummary;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;

@Entity
class Team {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "manager_id")
    private UserAccount manager;

    @Version
    private long version;

    @Column(updatable = false, insertable = false)
    private Instant createdAt;

    protected Team() {
    }

    Team(String name) {
        this.name = name;
    }

    TeamSummary toSummary() {
        return new TeamSummary(id, name, manager == null ? null : manager.getId(),
                manager == null ? null : manager.getDisplayName());
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    void setName(String name) {
        this.name = name;
    }

    UserAccount getManager() {
        return manager;
    }

    void setManager(UserAccount manager) {
        this.manager = manager;
    }

    long getVersion() {
        return version;
    }
}
