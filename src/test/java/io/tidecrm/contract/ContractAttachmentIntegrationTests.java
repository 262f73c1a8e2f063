package io.tidecrm.contract;

import static io.tidecrm.contract.ContractTestSupport.flashKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Attachments: the type told from the content, the size limit, generated storage names and authorised downloads. */
@IntegrationTest
class ContractAttachmentIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    CustomerFixtures fixtures;

    @Autowired
    org.springframework.context.MessageSource messages;

    ContractTestSupport t;
    long contract;

    @BeforeEach
    void aContract() throws Exception {
        t = new ContractTestSupport(mvc, users, fixtures);
        contract = t.contract("rep1", "1");
    }

    @Test
    void theTypeIsToldFromTheContentNeverFromTheName() throws Exception {
        byte[] exe = new byte[64];
        exe[0] = 'M';
        exe[1] = 'Z';
        assertThat(flashKey(upload("合同.pdf", "application/pdf", exe))).isEqualTo("contract.attachment.type");
        assertThat(flashKey(upload("readme.pdf", "application/pdf", "just some text".getBytes())))
                .isEqualTo("contract.attachment.type");
        assertThat(flashKey(upload("archive.docx", "application/zip", zip("notes.txt")))).isEqualTo("contract.attachment.type");
        assertThat(count()).isZero();

        assertThat(flashKey(upload("scan.bin", "application/octet-stream", "%PDF-1.7\n".getBytes())))
                .isEqualTo("contract.attachment.uploaded");
        assertThat(flashKey(upload("photo", "text/plain", new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0 })))
                .isEqualTo("contract.attachment.uploaded");
        assertThat(flashKey(upload("报价.docx", "application/octet-stream", zip("[Content_Types].xml", "word/document.xml"))))
                .isEqualTo("contract.attachment.uploaded");
        assertThat(flashKey(upload("old.xls", "application/octet-stream",
                new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0 })))
                .isEqualTo("contract.attachment.uploaded");
        assertThat(t.jdbc().sql("SELECT media_type FROM contract_attachment WHERE contract_id = ? ORDER BY id")
                .param(contract).query(String.class).list()).containsExactly("application/pdf", "image/png",
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/x-ole-storage");
    }

    @Test
    void aFileOverTheLimitIsRefusedWithAMessage() throws Exception {
        byte[] big = new byte[20 * 1024 * 1024 + 1];
        System.arraycopy("%PDF-1.4".getBytes(), 0, big, 0, 8);
        ResultActions result = upload("big.pdf", "application/pdf", big)
                .andExpect(status().is3xxRedirection());
        assertThat(flashKey(result)).isEqualTo("contract.attachment.tooLarge");
        assertThat(count()).isZero();
        // The message as the page shows it after the redirect.
        io.tidecrm.support.FlashMessage flash = (io.tidecrm.support.FlashMessage) result.andReturn().getFlashMap().get("flash");
        assertThat(messages.getMessage(flash.key(), flash.argArray(), java.util.Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("文件过大：最大 20 MB。");
    }

    @Test
    void aPathTraversalNameIsDisplayTextOnlyAndTheDownloadIsAnAttachment() throws Exception {
        upload("../../etc/passwd", "application/pdf", "%PDF-1.4 passwd".getBytes()).andExpect(status().is3xxRedirection());
        upload("签约 扫描件;\"x\".pdf", "application/pdf", "%PDF-1.4 scan".getBytes()).andExpect(status().is3xxRedirection());
        long traversal = id("passwd");
        mvc.perform(get("/contracts/{id}/attachments/{a}", contract, traversal).with(users.as("rep1")))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"passwd\"; filename*=UTF-8''passwd"));
        String disposition = mvc.perform(get("/contracts/{id}/attachments/{a}", contract, id("签约 扫描件;\"x\".pdf"))
                .with(users.as("manager1"))).andExpect(status().isOk()).andReturn().getResponse()
                .getHeader("Content-Disposition");
        assertThat(disposition).startsWith("attachment;").contains("filename*=UTF-8''%E7%AD%BE%E7%BA%A6%20");
        assertThat(new String(mvc.perform(get("/contracts/{id}/attachments/{a}", contract, traversal)
                .with(users.as("admin"))).andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8))
                .isEqualTo("%PDF-1.4 passwd");
        // Another team's user, and a rep of the same team, get 404, as for an id that does not exist.
        for (String outsider : new String[] { "rep3", "manager2", "rep2" }) {
            mvc.perform(get("/contracts/{id}/attachments/{a}", contract, traversal).with(users.as(outsider)))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(get("/contracts/{id}/attachments/{a}", contract, Long.MAX_VALUE).with(users.as("rep1")))
                .andExpect(status().isNotFound());
        // An attachment id of another contract is not served under this one.
        long other = t.contract("rep1", "1");
        mvc.perform(get("/contracts/{id}/attachments/{a}", other, traversal).with(users.as("rep1")))
                .andExpect(status().isNotFound());
    }

    private ResultActions upload(String name, String contentType, byte[] content) throws Exception {
        return mvc.perform(multipart("/contracts/{id}/attachments", contract)
                .file(new MockMultipartFile("file", name, contentType, content))
                .with(users.as("rep1")).with(csrf()));
    }

    private long count() {
        return t.jdbc().sql("SELECT count(*) FROM contract_attachment WHERE contract_id = ?").param(contract)
                .query(Long.class).single();
    }

    private long id(String displayName) {
        return t.jdbc().sql("SELECT id FROM contract_attachment WHERE contract_id = ? AND display_name = ?")
                .params(contract, displayName).query(Long.class).single();
    }

    private static byte[] zip(String... entries) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write("<x/>".getBytes());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
