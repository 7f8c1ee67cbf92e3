import { escapeHtml, renderHtml, renderSubject, renderTemplate, renderText, unknownPlaceholders } from './notification-render';

describe('notification templates: {{placeholder}} substitution only', () => {
  it('replaces known placeholders and leaves unknown ones empty', () => {
    expect(renderText('Hello {{ name }}, see {{url}} {{missing}}.', { name: 'Ada', url: 'http://x/1' })).toBe('Hello Ada, see http://x/1 .');
  });

  it('never evaluates a value: template syntax in values arrives as text', () => {
    const values = { title: "<%= process.exit() %> {{constructor.constructor('return process')()}} ${process.pid}" };
    expect(renderText('Title: {{title}}', values)).toBe(`Title: ${values.title}`);
    expect(renderHtml('<p>{{title}}</p>', values)).toBe(
      "<p>&lt;%= process.exit() %&gt; {{constructor.constructor(&#39;return process&#39;)()}} ${process.pid}</p>"
    );
  });

  it('does not read inherited properties of the values', () => {
    expect(renderText('{{constructor}}{{toString}}{{__proto__}}', {})).toBe('{{__proto__}}');
    expect(renderText('{{constructor}}{{toString}}', {})).toBe('');
  });

  it('escapes HTML in values but inserts trusted HTML as it is', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(renderHtml('<ul>{{items}}</ul>{{title}}', { title: '<b>' }, { items: '<li>one</li>' })).toBe('<ul><li>one</li></ul>&lt;b&gt;');
  });

  it('keeps the subject on one line', () => {
    expect(renderSubject('Re: {{title}}', { title: 'a\r\nBcc: evil@example.com' })).toBe('Re: a Bcc: evil@example.com');
  });

  it('renders the three parts', () => {
    expect(renderTemplate({ subject: '{{a}}', text: '{{a}}', html: '{{a}}' }, { a: '<1>' })).toEqual({ subject: '<1>', text: '<1>', html: '&lt;1&gt;' });
  });

  it('names what a template writes in braces that it may not', () => {
    expect(unknownPlaceholders('{{title}} {{ url }} {{colour}} {{constructor.constructor("x")()}}', ['title', 'url'])).toEqual([
      '{{colour}}',
      '{{constructor.constructor("x")()}}',
    ]);
  });
});
