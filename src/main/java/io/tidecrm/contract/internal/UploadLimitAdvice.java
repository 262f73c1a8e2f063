package io.tidecrm.contract.internal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tidecrm.support.Flash;
import io.tidecrm.support.FlashMessage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * An upload over {@code spring.servlet.multipart.max-file-size} is refused by the container
 * before any controller runs: the user goes back to the contract with a message instead of an
 * error page. (The upload form carries its CSRF token in the URL too, so that the security filter
 * still finds it when the oversize body is not read.)
 */
@ControllerAdvice
class UploadLimitAdvice {

    private static final Pattern CONTRACT_UPLOAD = Pattern.compile("^/contracts/(\\d{1,18})/attachments$");

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    void tooLarge(HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Matcher m = CONTRACT_UPLOAD.matcher(path);
        String target = request.getContextPath() + (m.matches() ? "/contracts/" + m.group(1) : "/");
        FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
        flash.put(Flash.ATTRIBUTE, new FlashMessage("danger", "contract.attachment.tooLarge",
                List.of(String.valueOf(ContractAttachments.MAX_BYTES / 1024 / 1024))));
        RequestContextUtils.saveOutputFlashMap(target, request, response);
        response.sendRedirect(target + (m.matches() ? "#attachments" : ""));
    }
}
