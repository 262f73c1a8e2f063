package io.tidecrm.web;

import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * Gives every server error an id that is both logged (with the stack trace) and shown on
 * the 500 page, so that a user's report can be matched with the log.
 */
@Component
class CrmErrorAttributes extends DefaultErrorAttributes {

    private static final Logger log = LoggerFactory.getLogger(CrmErrorAttributes.class);

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        if (attributes.get("status") instanceof Integer status && status >= 500) {
            String errorId = UUID.randomUUID().toString().substring(0, 8);
            attributes.put("errorId", errorId);
            log.error("Error id {}: {} {} failed with status {}", errorId, attributes.get("path"),
                    attributes.get("error"), status, getError(request));
        }
        return attributes;
    }
}
