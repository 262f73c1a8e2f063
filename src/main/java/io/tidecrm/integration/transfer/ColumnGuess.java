package io.tidecrm.integration.transfer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.tidecrm.customer.CustomerImport.Field;
import io.tidecrm.lead.LeadImport;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Guesses which field a column holds from its header, in Chinese or English: the user's own
 * earlier choice for that header first, then the form's label in either language, then common
 * synonyms. A field is given to one column only.
 */
@Component
class ColumnGuess {

    /** Synonyms beyond the forms' labels, folded as {@link #fold} folds a header. */
    private static final Map<Field, List<String>> SYNONYMS = new LinkedHashMap<>();

    static {
        SYNONYMS.put(Field.NAME, List.of("客户名称", "公司名称", "客户", "公司", "企业名称", "customer", "company",
                "customername", "companyname", "name"));
        SYNONYMS.put(Field.CREDIT_CODE, List.of("信用代码", "社会信用代码", "统一信用代码", "税号", "creditcode", "uscc"));
        SYNONYMS.put(Field.TYPE, List.of("类型", "客户类型", "客户级别", "级别", "type", "level"));
        SYNONYMS.put(Field.STATUS, List.of("状态", "跟进状态", "status"));
        SYNONYMS.put(Field.SOURCE, List.of("来源", "客户来源", "source"));
        SYNONYMS.put(Field.REFERRER, List.of("介绍人", "推荐人", "referrer", "referredby"));
        SYNONYMS.put(Field.REGION, List.of("地区", "区域", "城市", "省份", "region", "city", "area"));
        SYNONYMS.put(Field.INDUSTRY, List.of("行业", "所属行业", "industry"));
        SYNONYMS.put(Field.STAFF_SIZE, List.of("规模", "人员规模", "员工人数", "staffsize", "employees", "size"));
        SYNONYMS.put(Field.WEBSITE, List.of("网址", "网站", "官网", "website", "url"));
        SYNONYMS.put(Field.ADDRESS, List.of("地址", "公司地址", "address"));
        SYNONYMS.put(Field.TAGS, List.of("标签", "tags", "tag"));
        SYNONYMS.put(Field.EXPECTED_AMOUNT, List.of("预计金额", "预计销售金额", "金额", "expectedamount", "amount"));
        SYNONYMS.put(Field.EXPECTED_CLOSE_DATE, List.of("预计成交时间", "预计成交日期", "expectedclosedate", "closedate"));
        SYNONYMS.put(Field.REQUIREMENTS, List.of("需求", "功能需求", "requirements"));
        SYNONYMS.put(Field.REMARKS, List.of("备注", "客户备注", "remarks", "notes", "note"));
        SYNONYMS.put(Field.OWNER, List.of("负责人", "销售", "归属人", "所属销售", "owner", "salesrep", "rep"));
        SYNONYMS.put(Field.CONTACT_NAME, List.of("联系人", "联系人姓名", "姓名", "contact", "contactname"));
        SYNONYMS.put(Field.CONTACT_GENDER, List.of("性别", "联系人性别", "gender", "sex"));
        SYNONYMS.put(Field.CONTACT_DEPARTMENT, List.of("部门", "department", "dept"));
        SYNONYMS.put(Field.CONTACT_TITLE, List.of("职务", "职位", "title", "jobtitle", "position"));
        SYNONYMS.put(Field.CONTACT_MOBILE, List.of("手机", "手机号", "手机号码", "电话", "联系电话", "mobile", "phone",
                "cellphone", "tel"));
        SYNONYMS.put(Field.CONTACT_WECHAT_ID, List.of("微信", "微信号", "wechat", "wechatid"));
        SYNONYMS.put(Field.CONTACT_EMAIL, List.of("邮箱", "电子邮件", "电子邮箱", "email", "e-mail", "mail"));
        SYNONYMS.put(Field.CONTACT_REMARKS, List.of("联系人备注", "contactremarks", "contactnotes"));
    }

    /** A lead's columns: its form's labels, then these. */
    private static final Map<LeadImport.Field, List<String>> LEAD_SYNONYMS = new LinkedHashMap<>();

    static {
        LEAD_SYNONYMS.put(LeadImport.Field.COMPANY_NAME, List.of("公司名称", "公司", "企业名称", "客户名称", "company",
                "companyname", "name"));
        LEAD_SYNONYMS.put(LeadImport.Field.CREDIT_CODE, List.of("信用代码", "社会信用代码", "税号", "creditcode", "uscc"));
        LEAD_SYNONYMS.put(LeadImport.Field.CONTACT_NAME, List.of("联系人", "姓名", "contact", "contactname"));
        LEAD_SYNONYMS.put(LeadImport.Field.TITLE, List.of("职务", "职位", "title", "jobtitle", "position"));
        LEAD_SYNONYMS.put(LeadImport.Field.MOBILE, List.of("手机号", "手机号码", "电话", "联系电话", "mobile", "phone", "tel"));
        LEAD_SYNONYMS.put(LeadImport.Field.EMAIL, List.of("电子邮件", "电子邮箱", "email", "e-mail", "mail"));
        LEAD_SYNONYMS.put(LeadImport.Field.WECHAT_ID, List.of("微信", "wechat", "wechatid"));
        LEAD_SYNONYMS.put(LeadImport.Field.REGION, List.of("地区", "城市", "省份", "region", "city", "area"));
        LEAD_SYNONYMS.put(LeadImport.Field.INDUSTRY, List.of("所属行业", "industry"));
        LEAD_SYNONYMS.put(LeadImport.Field.SOURCE, List.of("来源", "渠道", "线索来源", "source", "channel"));
        LEAD_SYNONYMS.put(LeadImport.Field.TAGS, List.of("tags", "tag"));
        LEAD_SYNONYMS.put(LeadImport.Field.REMARKS, List.of("remarks", "notes", "note"));
    }

    private final Map<String, Field> byHeader = new LinkedHashMap<>();
    private final Map<String, LeadImport.Field> leadByHeader = new LinkedHashMap<>();

    ColumnGuess(MessageSource messages) {
        for (Field field : Field.values()) {
            for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
                String label = messages.getMessage(field.labelKey(), null, "", locale);
                String key = fold(field.customerField() ? label : contactLabel(messages, label, locale));
                if (!key.isEmpty()) {
                    byHeader.putIfAbsent(key, field);
                }
            }
        }
        SYNONYMS.forEach((field, words) -> words.forEach(w -> byHeader.putIfAbsent(fold(w), field)));
        for (LeadImport.Field field : LeadImport.Field.values()) {
            for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
                String key = fold(messages.getMessage(field.labelKey(), null, "", locale));
                if (!key.isEmpty()) {
                    leadByHeader.putIfAbsent(key, field);
                }
            }
        }
        LEAD_SYNONYMS.forEach((field, words) -> words.forEach(w -> leadByHeader.putIfAbsent(fold(w), field)));
    }

    /** A contact's label in a header is "联系人姓名" / "Contact name", so that it stands apart from the customer's. */
    private static String contactLabel(MessageSource messages, String label, Locale locale) {
        return messages.getMessage("contact.customer", null, "", locale).isEmpty() ? label
                : (locale.getLanguage().equals("zh") ? "联系人" : "contact") + label;
    }

    /** One field name per header ('' for none), the user's remembered choices first. */
    List<String> guess(List<String> headers, Map<String, String> remembered) {
        return guess(ImportTarget.CUSTOMER, headers, remembered);
    }

    /** As {@link #guess(List, Map)}, for the fields of the target; a remembered field of the other target is left out. */
    List<String> guess(ImportTarget target, List<String> headers, Map<String, String> remembered) {
        List<String> mapping = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (String header : headers) {
            String key = fold(header);
            String field = remembered.get(key);
            if (field == null || !field.isEmpty() && !target.hasField(field)) {
                Enum<?> guessed = target == ImportTarget.CUSTOMER ? byHeader.get(key) : leadByHeader.get(key);
                field = guessed == null ? "" : guessed.name();
            }
            if (!field.isEmpty() && !taken.add(field)) {
                field = "";
            }
            mapping.add(field);
        }
        return mapping;
    }

    /** A header folded for comparison: full-width to half-width, case, spaces, marks such as "*" left out. */
    static String fold(String header) {
        String text = Normalizer.normalize(header == null ? "" : header, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        text = text.replaceAll("[\\p{Z}\\s\\p{P}\\p{S}]+", "");
        return text.length() > 200 ? text.substring(0, 200) : text;
    }
}
