package io.tidecrm.customer.internal;

import java.time.LocalDate;

/** A contact as its pages show it; {@code customerName} is set on the contacts list. */
public record ContactView(long id, long customerId, String customerName, String name, String gender, String department,
        String title, String mobile, String wechatNickname, String wechatId, String email, String address,
        LocalDate birthday, String remarks, boolean primary) {

    static ContactView of(Contact c, String customerName) {
        return new ContactView(c.getId(), c.getCustomerId(), customerName, c.getName(), c.getGender(),
                c.getDepartment(), c.getTitle(), c.getMobile(), c.getWechatNickname(), c.getWechatId(), c.getEmail(),
                c.getAddress(), c.getBirthday(), c.getRemarks(), c.isPrimary());
    }
}
