/**
 * WeCom (企业微信) channel: the callback endpoint and its durable event log, the API client
 * (WxJava), sync of staff, contacts, tags and groups, channel codes, welcome messages,
 * handover and consent.
 */
@org.springframework.modulith.ApplicationModule(displayName = "WeCom")
package dev.siyu.wecom;
