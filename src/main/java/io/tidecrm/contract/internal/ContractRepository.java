package io.tidecrm.contract.internal;

import org.springframework.data.jpa.repository.JpaRepository;

interface ContractRepository extends JpaRepository<Contract, Long> {
}
