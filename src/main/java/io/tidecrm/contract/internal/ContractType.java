package io.tidecrm.contract.internal;

/** 直销, 代理, 采购, 服务, 其他. Stored by name. */
public enum ContractType {
    DIRECT, AGENCY, PURCHASE, SERVICE, OTHER
}
