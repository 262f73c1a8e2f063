package io.tidecrm.customer.internal;

import java.time.LocalDate;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

public record ContactForm(
        @NotBlank @Size(max = 50) String name,
        @Pattern(regexp = "|MALE|FEMALE") String gender,
        @Size(max = 100) String department,
        @Size(max = 100) String title,
        @Pattern(regexp = "|[0-9+\\- ]{5,20}", message = "{contact.mobile.invalid}") String mobile,
        @Size(max = 100) String wechatNickname,
        @Size(max = 100) String wechatId,
        @Email @Size(max = 100) String email,
        @Size(max = 300) String address,
        @Past @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate birthday,
        @Size(max = 2000) String remarks,
        Boolean primary,
        Long version) {

    static ContactForm empty() {
        return new ContactForm("", "", "", "", "", "", "", "", "", null, "", false, null);
    }

    /** An unchecked box sends nothing: absent means no. */
    public boolean isPrimary() {
        return Boolean.TRUE.equals(primary);
    }
}
