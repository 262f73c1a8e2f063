package io.tidecrm.contract.internal;

/** 银行转账, 支票, 支付宝, 微信, 现金, 其他: of the contract, and of each payment received. Stored by name. */
public enum PaymentMethod {
    BANK_TRANSFER, CHEQUE, ALIPAY, WECHAT, CASH, OTHER
}
