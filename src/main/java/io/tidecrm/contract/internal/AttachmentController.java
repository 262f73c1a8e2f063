package io.tidecrm.contract.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.support.Flash;
import io.tidecrm.support.RuleViolation;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Uploads and downloads of contract attachments. A download is always sent as an attachment
 * with the type told from the content at upload and {@code nosniff}, so that a browser never
 * renders it inside the application's origin.
 */
@Controller
class AttachmentController {

    private final ContractAttachments attachments;

    AttachmentController(ContractAttachments attachments) {
        this.attachments = attachments;
    }

    @PostMapping("/contracts/{id}/attachments")
    String upload(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
            @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw new RuleViolation(null, "contract.attachment.empty");
            }
            if (file.getSize() > ContractAttachments.MAX_BYTES) {
                throw new RuleViolation(null, "contract.attachment.tooLarge",
                        ContractAttachments.MAX_BYTES / 1024 / 1024);
            }
            attachments.upload(id, file.getOriginalFilename(), file.getBytes(), user);
            Flash.success(redirect, "contract.attachment.uploaded",
                    ContractAttachments.displayName(file.getOriginalFilename()));
        } catch (RuleViolation e) {
            Flash.error(redirect, e);
        }
        return "redirect:/contracts/" + id + "#attachments";
    }

    @GetMapping("/contracts/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachmentId,
            @AuthenticationPrincipal CurrentUser user) {
        ContractAttachments.Download file = attachments.download(id, attachmentId, user);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.displayName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(file.content());
    }

    @PostMapping("/contracts/{id}/attachments/{attachmentId}/delete")
    String delete(@PathVariable long id, @PathVariable long attachmentId, @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        attachments.delete(id, attachmentId, user);
        Flash.success(redirect, "contract.attachment.deleted");
        return "redirect:/contracts/" + id + "#attachments";
    }
}
