// Paint first, then fetch the scripts; keep what the reader does before they have run.
//
// The production server (scripts/serve.ts, through scripts/paint-first-html.ts) replaces each of
// Next's start-up `<script src async>` tags with a line that queues its address here. This
// script, inline in <head> (lib/head-script.ts), adds those scripts once the browser has shown
// the page's first contentful paint, so that on a weak signal the page's HTML has the whole
// connection until its text is on screen; a hidden tab (nothing to paint) adds them at once,
// and they are added after 3 s whatever happens.
//
// Until the page has hydrated (app/_components/hydration-mark.tsx calls HYDRATED_GLOBAL), a tap
// on a button, a form's submission and a shortcut key would do nothing, or submit the form
// natively: they are held and replayed, in order, once React is listening. What was typed into a
// field or chosen in a box before then is put back and announced as input (from a cleared field,
// or the opposite box, so that React sees a change): a form library may reset its fields when it
// registers them, and a controlled input's state still holds the server's value. If a start-up
// script fails to load, the held actions are replayed without React (a form then submits
// natively) and nothing more is held.
//
// A string, not a function's source, so that the policy's hash of it (lib/security-headers.ts)
// is the same in every bundle that computes it. Plain ES2020 for every browser Next supports.
export const STARTUP_QUEUE_GLOBAL = "__unknotScripts";
export const HYDRATED_GLOBAL = "__unknotHydrated";

export const PAINT_FIRST_SCRIPT = `(()=>{
var w=self,d=document,root=d.documentElement;
var queue=w.${STARTUP_QUEUE_GLOBAL}=w.${STARTUP_QUEUE_GLOBAL}||[];
var started=false,live=true,held=[],typed=new Map();
function add(src){var s=d.createElement("script");s.src=src;s.async=true;s.onerror=fail;d.head.appendChild(s)}
function start(){if(started)return;started=true;queue.forEach(add)}
queue.push=function(){for(var i=0;i<arguments.length;i++){Array.prototype.push.call(queue,arguments[i]);if(started)add(arguments[i])}return queue.length};
var P=w.PerformanceObserver;if(d.visibilityState!=="visible"||!P||!(P.supportedEntryTypes||[]).includes("paint"))start();else{
try{var po=new P(function(list){if(list.getEntriesByName("first-contentful-paint").length){po.disconnect();start()}});po.observe({type:"paint",buffered:true})}catch(e){start()}
setTimeout(start,3000);d.addEventListener("visibilitychange",start,{once:true})}
function hold(type,take){d.addEventListener(type,function(e){if(live&&e.target instanceof Element)take(e,e.target)},true)}
hold("click",function(e,t){var b=t.closest("button,input[type=submit],input[type=button],[role=button]");if(!b||b.disabled)return;e.preventDefault();e.stopPropagation();held.push(function(){if(b.isConnected)b.click()})});
hold("submit",function(e,t){e.preventDefault();held.push(function(){if(t.isConnected)t.requestSubmit()})});
hold("keydown",function(e,t){if(e.ctrlKey||e.metaKey||e.altKey||t.closest("input,textarea,select,button,a,[contenteditable]"))return;var init={key:e.key,code:e.code,shiftKey:e.shiftKey,bubbles:true,cancelable:true};held.push(function(){if(t.isConnected)t.dispatchEvent(new KeyboardEvent("keydown",init))})});
function remember(e,t){if(t.type==="file")return;typed.set(t,t.type==="checkbox"||t.type==="radio"?t.checked:t.value)}
hold("input",remember);hold("change",remember);
function restore(t,v){if(!t.isConnected)return;if(typeof v==="boolean"){t.checked=!v;t.click();return}
var proto=Object.getPrototypeOf(t),set=Object.getOwnPropertyDescriptor(proto,"value");t.value="";if(set&&set.set)set.set.call(t,v);else t.value=v;
t.dispatchEvent(new Event("input",{bubbles:true}));t.dispatchEvent(new Event("change",{bubbles:true}))}
function replay(){live=false;typed.forEach(function(v,t){restore(t,v)});typed.clear();held.splice(0).forEach(function(act){act()})}
function fail(){if(live)replay()}
w.${HYDRATED_GLOBAL}=function(){root.setAttribute("data-hydrated","");if(live)replay()};
})()`;
