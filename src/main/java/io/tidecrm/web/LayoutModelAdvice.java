package io.tidecrm.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Facts that the layout needs on every page. */
@ControllerAdvice
class LayoutModelAdvice {

    /** The current address with another language, so that switching keeps filters and paging. */
    @ModelAttribute("langUrlZh")
    String langUrlZh(HttpServletRequest request) {
        return withLang(request, "zh-CN");
    }

    @ModelAttribute("langUrlEn")
    String langUrlEn(HttpServletRequest request) {
        return withLang(request, "en");
    }

    private static String withLang(HttpServletRequest request, String lang) {
        return ServletUriComponentsBuilder.fromRequest(request)
                .replaceQueryParam("lang", lang)
                .replaceQueryParam("continue")
                .build()
                .toUriString()
                .replaceFirst("^https?://[^/]+", "");
    }
}
