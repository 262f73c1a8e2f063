package io.tidecrm.contract.internal;

/** Where the contract stands in its execution: 未开始, 执行中, 成功结束, 意外终止. Stored by name. */
public enum ContractStatus {
    NOT_STARTED, IN_PROGRESS, COMPLETED, TERMINATED
}
