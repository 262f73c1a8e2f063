package io.tidecrm.customer.internal;

import java.time.Instant;
import java.time.LocalDate;

import io.tidecrm.customer.ContactRef;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

@Entity
class Contact {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(updatable = false)
    private Long customerId;

    private String name;
    private String gender;
    private String department;
    private String title;
    private String mobile;
    private String wechatNickname;
    private String wechatId;
    private String email;
    private String address;
    private LocalDate birthday;
    private String remarks;

    @Column(name = "is_primary")
    private boolean primary;

    @Column(updatable = false)
    private Instant createdAt;

    private Instant updatedAt;

    @Version
    private long version;

    protected Contact() {
    }

    Contact(long customerId, Instant now) {
        this.customerId = customerId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void apply(ContactForm form, Instant now) {
        name = form.name().strip();
        gender = blankToNull(form.gender());
        department = blankToNull(form.department());
        title = blankToNull(form.title());
        mobile = blankToNull(form.mobile());
        wechatNickname = blankToNull(form.wechatNickname());
        wechatId = blankToNull(form.wechatId());
        email = blankToNull(form.email());
        address = blankToNull(form.address());
        birthday = form.birthday();
        remarks = blankToNull(form.remarks());
        primary = form.isPrimary();
        updatedAt = now;
    }

    ContactForm toForm() {
        return new ContactForm(name, nz(gender), nz(department), nz(title), nz(mobile), nz(wechatNickname),
                nz(wechatId), nz(email), nz(address), birthday, nz(remarks), primary, version);
    }

    ContactRef toRef() {
        return new ContactRef(id, customerId, name, title, mobile, primary);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    Long getId() { return id; }
    Long getCustomerId() { return customerId; }
    String getName() { return name; }
    String getGender() { return gender; }
    String getDepartment() { return department; }
    String getTitle() { return title; }
    String getMobile() { return mobile; }
    String getWechatNickname() { return wechatNickname; }
    String getWechatId() { return wechatId; }
    String getEmail() { return email; }
    String getAddress() { return address; }
    LocalDate getBirthday() { return birthday; }
    String getRemarks() { return remarks; }
    boolean isPrimary() { return primary; }
    long getVersion() { return version; }
}
