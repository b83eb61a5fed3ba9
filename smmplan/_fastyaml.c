/*
 * smmplan._fastyaml: the loader's common case, built in C straight from
 * libyaml's event stream.
 *
 * PyYAML's C parser turns each of libyaml's events into a Python object with
 * two Python mark objects; on a 20,000-post plan that is some 280,000 events,
 * and making and reading those objects costs five times what libyaml spends
 * parsing. This module walks the same events in C and makes only what the
 * loader keeps: the data tree (dicts, lists, str, None) and its positions,
 * packed exactly as smmplan/loader.py packs them (see loader.Marks).
 *
 * It handles plain documents only. At anything else (a tag, an anchor, an
 * alias, a merge key, a duplicate or non-scalar key, a null key, nesting at
 * the depth limit, a YAML error, no document, a top level that is not a
 * mapping, a second document, a list or mapping longer than max_items, more
 * than max_nodes nodes in all) it gives up and returns None, and the
 * pure-Python builder in loader.py reads the text again and reports what it
 * finds. So every problem is worded in one place, and this file only has to
 * be right about well-formed plans: tests/test_fastyaml.py checks that both
 * builders give the same tree and the same positions.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>
#include <yaml.h>

/* The first keys met, kept by their UTF-8 text: a plan has a few dozen distinct
 * keys, each repeated on every post, and comparing a key's bytes with them is
 * cheaper than decoding it and looking the string up. */
#define KEY_CACHE 64
#define KEY_CACHE_LEN 64

typedef struct {
    size_t len;
    char text[KEY_CACHE_LEN];
    PyObject *str;
} CachedKey;

typedef struct {
    yaml_parser_t parser;
    yaml_event_t event;
    int has_event;
    int max_depth;
    Py_ssize_t max_items;      /* items of one list or mapping */
    Py_ssize_t max_nodes;      /* nodes of the whole document */
    Py_ssize_t nodes;
    CachedKey keys[KEY_CACHE];
    int nkeys;
    PyObject *known;           /* key text -> the one str used for it, past the cache */
    PyTypeObject *marks_type;  /* loader.Marks */
    PyObject *mark_slot;       /* its `mark` and `children` slot descriptors */
    PyObject *children_slot;
} State;

/* What a step returns: OK, GIVE_UP (let the Python builder read the file),
 * or FAILED (a Python exception is set: out of memory and the like). */
enum { OK = 0, GIVE_UP = 1, FAILED = -1 };

static int
next_event(State *s)
{
    if (s->has_event) {
        yaml_event_delete(&s->event);
        s->has_event = 0;
    }
    if (!yaml_parser_parse(&s->parser, &s->event))
        return GIVE_UP;  /* a YAML error: the Python builder words it */
    s->has_event = 1;
    return OK;
}

static uint64_t
packed(yaml_mark_t mark)
{
    return (uint64_t)mark.line << 32 | (uint64_t)(mark.column & 0xFFFFFFFFu);
}

/* A position as loader.py packs it: `line << 32 | column`, and under a
 * mapping key `(key + 1) << 64 | position`. */
static PyObject *
position(uint64_t where, uint64_t key_plus_one)
{
    unsigned char bytes[16];
    int i;
    if (key_plus_one == 0)
        return PyLong_FromUnsignedLongLong(where);
    for (i = 0; i < 8; i++) {
        bytes[i] = (unsigned char)(where >> (8 * i));
        bytes[8 + i] = (unsigned char)(key_plus_one >> (8 * i));
    }
#if PY_VERSION_HEX >= 0x030D0000
    return PyLong_FromUnsignedNativeBytes(
        bytes, 16, Py_ASNATIVEBYTES_LITTLE_ENDIAN | Py_ASNATIVEBYTES_UNSIGNED_BUFFER);
#else
    return _PyLong_FromByteArray(bytes, 16, 1, 0);
#endif
}

/* loader.Marks(mark, children), without running its __init__ (one call per
 * container): allocate the instance and fill its two slots. */
static PyObject *
new_marks(State *s, PyObject *mark, PyObject *children)
{
    PyObject *obj = s->marks_type->tp_alloc(s->marks_type, 0);
    if (obj == NULL)
        return NULL;
    if (Py_TYPE(s->mark_slot)->tp_descr_set(s->mark_slot, obj, mark) < 0
        || Py_TYPE(s->children_slot)->tp_descr_set(s->children_slot, obj, children) < 0) {
        Py_DECREF(obj);
        return NULL;
    }
    return obj;
}

static int
is_null(const yaml_event_t *ev)
{
    const char *v = (const char *)ev->data.scalar.value;
    size_t n = ev->data.scalar.length;
    if (ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE || !ev->data.scalar.plain_implicit)
        return 0;
    return n == 0 || (n == 1 && v[0] == '~')
        || (n == 4 && (!memcmp(v, "null", 4) || !memcmp(v, "Null", 4) || !memcmp(v, "NULL", 4)));
}

static PyObject *
scalar_value(const yaml_event_t *ev)
{
    if (is_null(ev))
        Py_RETURN_NONE;
    return PyUnicode_DecodeUTF8(
        (const char *)ev->data.scalar.value, (Py_ssize_t)ev->data.scalar.length, "strict");
}

static int build(State *s, int depth, uint64_t key_plus_one, PyObject **value, PyObject **marks);

/* The current event's text as a key: one str per distinct key, not one per post. */
static PyObject *
key_string(State *s)
{
    const char *text = (const char *)s->event.data.scalar.value;
    size_t len = s->event.data.scalar.length;
    PyObject *key, *first;
    int i;
    for (i = 0; i < s->nkeys; i++)
        if (s->keys[i].len == len && !memcmp(s->keys[i].text, text, len))
            return Py_NewRef(s->keys[i].str);
    key = PyUnicode_DecodeUTF8(text, (Py_ssize_t)len, "strict");
    if (key == NULL)
        return NULL;
    if (s->nkeys < KEY_CACHE && len <= KEY_CACHE_LEN) {
        CachedKey *slot = &s->keys[s->nkeys++];
        slot->len = len;
        memcpy(slot->text, text, len);
        slot->str = Py_NewRef(key);
        return key;
    }
    first = PyDict_SetDefault(s->known, key, key);
    Py_XINCREF(first);
    Py_DECREF(key);
    return first;
}

/* The current event is a mapping's key: add the key and its value. */
static int
add_pair(State *s, int depth, PyObject *data, PyObject *children)
{
    PyObject *key, *value = NULL, *marks = NULL;
    uint64_t key_mark;
    int rc;
    if (s->event.type != YAML_SCALAR_EVENT || s->event.data.scalar.tag != NULL
        || s->event.data.scalar.anchor != NULL || is_null(&s->event))
        return GIVE_UP;  /* a complex, tagged, anchored, aliased or null key */
    if (s->event.data.scalar.length == 2 && !memcmp(s->event.data.scalar.value, "<<", 2))
        return GIVE_UP;  /* a merge key */
    key_mark = packed(s->event.start_mark);
    key = key_string(s);
    if (key == NULL)
        return FAILED;
    rc = PyDict_Contains(data, key);
    if (rc != 0)
        rc = rc < 0 ? FAILED : GIVE_UP;  /* a duplicate key */
    else if ((rc = next_event(s)) == OK
             && (rc = build(s, depth, key_mark + 1, &value, &marks)) == OK) {
        if (PyDict_SetItem(data, key, value) < 0 || PyDict_SetItem(children, key, marks) < 0)
            rc = FAILED;
        Py_DECREF(value);
        Py_DECREF(marks);
    }
    Py_DECREF(key);
    return rc;
}

/* The current event is a sequence's item: add it. */
static int
add_item(State *s, int depth, PyObject *data, PyObject *children)
{
    PyObject *value = NULL, *marks = NULL;
    int rc = build(s, depth, 0, &value, &marks);
    if (rc == OK) {
        if (PyList_Append(data, value) < 0 || PyList_Append(children, marks) < 0)
            rc = FAILED;
        Py_DECREF(value);
        Py_DECREF(marks);
    }
    return rc;
}

/* The current event starts a mapping or a sequence. */
static int
build_container(State *s, int depth, uint64_t key_plus_one, PyObject **value, PyObject **marks)
{
    int mapping = s->event.type == YAML_MAPPING_START_EVENT;
    yaml_event_type_t end = mapping ? YAML_MAPPING_END_EVENT : YAML_SEQUENCE_END_EVENT;
    PyObject *mark = position(packed(s->event.start_mark), key_plus_one);
    PyObject *data = mapping ? PyDict_New() : PyList_New(0);
    PyObject *children = mapping ? PyDict_New() : PyList_New(0);
    int rc = FAILED;
    Py_ssize_t items = 0;
    if (mark != NULL && data != NULL && children != NULL) {
        while ((rc = next_event(s)) == OK && s->event.type != end
               && (rc = ++items > s->max_items ? GIVE_UP  /* too long: the Python builder says so */
                        : (mapping ? add_pair : add_item)(s, depth, data, children)) == OK)
            ;
        if (rc == OK && (*marks = new_marks(s, mark, children)) != NULL) {
            *value = Py_NewRef(data);
        }
        else if (rc == OK) {
            rc = FAILED;
        }
    }
    Py_XDECREF(mark);
    Py_XDECREF(data);
    Py_XDECREF(children);
    return rc;
}

/* Any node, given the event that starts it (the current event). A scalar's
 * marks are its packed position; a container's, a loader.Marks. */
static int
build(State *s, int depth, uint64_t key_plus_one, PyObject **value, PyObject **marks)
{
    yaml_event_t *ev = &s->event;
    if (++s->nodes > s->max_nodes)
        return GIVE_UP;
    switch (ev->type) {
    case YAML_SCALAR_EVENT:
        if (ev->data.scalar.tag != NULL || ev->data.scalar.anchor != NULL)
            return GIVE_UP;
        *value = scalar_value(ev);
        if (*value == NULL)
            return FAILED;
        *marks = position(packed(ev->start_mark), key_plus_one);
        if (*marks == NULL) {
            Py_CLEAR(*value);
            return FAILED;
        }
        return OK;
    case YAML_MAPPING_START_EVENT:
        if (ev->data.mapping_start.tag != NULL || ev->data.mapping_start.anchor != NULL
            || depth >= s->max_depth)
            return GIVE_UP;
        return build_container(s, depth + 1, key_plus_one, value, marks);
    case YAML_SEQUENCE_START_EVENT:
        if (ev->data.sequence_start.tag != NULL || ev->data.sequence_start.anchor != NULL
            || depth >= s->max_depth)
            return GIVE_UP;
        return build_container(s, depth + 1, key_plus_one, value, marks);
    default:  /* an alias */
        return GIVE_UP;
    }
}

/* The stream must be: one document whose top level is a mapping. */
static int
build_stream(State *s, PyObject **value, PyObject **marks)
{
    int rc;
    if ((rc = next_event(s)) != OK || s->event.type != YAML_STREAM_START_EVENT)
        return GIVE_UP;
    if ((rc = next_event(s)) != OK || s->event.type != YAML_DOCUMENT_START_EVENT)
        return GIVE_UP;  /* no document at all: the file is empty */
    if ((rc = next_event(s)) != OK)
        return rc;
    if (s->event.type != YAML_MAPPING_START_EVENT)
        return GIVE_UP;  /* a list or a single value at the top */
    if ((rc = build(s, 0, 0, value, marks)) != OK)
        return rc;
    if ((rc = next_event(s)) == OK && s->event.type == YAML_DOCUMENT_END_EVENT
        && (rc = next_event(s)) == OK && s->event.type == YAML_STREAM_END_EVENT)
        return OK;
    Py_CLEAR(*value);
    Py_CLEAR(*marks);
    return GIVE_UP;  /* a second document, or an error after the first */
}

PyDoc_STRVAR(build_doc,
"build(text, marks_type, max_depth, max_items, max_nodes) -> (data, marks) | None\n\n"
"The data tree and positions of a plain YAML document whose top level is a\n"
"mapping, as smmplan.loader builds them; None for anything else.");

static PyObject *
fast_build(PyObject *module, PyObject *args)
{
    PyObject *text, *marks_type, *value = NULL, *marks = NULL, *result = NULL;
    const char *utf8;
    Py_ssize_t size;
    int max_depth, rc;
    Py_ssize_t max_items = PY_SSIZE_T_MAX, max_nodes = PY_SSIZE_T_MAX;
    State s;
    if (!PyArg_ParseTuple(args, "UO!i|nn:build", &text, &PyType_Type, &marks_type, &max_depth,
                          &max_items, &max_nodes))
        return NULL;
    utf8 = PyUnicode_AsUTF8AndSize(text, &size);
    if (utf8 == NULL) {  /* lone surrogates: let the Python builder say so */
        PyErr_Clear();
        Py_RETURN_NONE;
    }
    memset(&s, 0, sizeof s);
    s.max_depth = max_depth;
    s.max_items = max_items;
    s.max_nodes = max_nodes;
    s.marks_type = (PyTypeObject *)marks_type;
    s.known = PyDict_New();
    s.mark_slot = PyObject_GetAttrString(marks_type, "mark");
    s.children_slot = PyObject_GetAttrString(marks_type, "children");
    if (s.known == NULL || s.mark_slot == NULL || s.children_slot == NULL)
        goto done;
    if (Py_TYPE(s.mark_slot)->tp_descr_set == NULL || Py_TYPE(s.children_slot)->tp_descr_set == NULL) {
        PyErr_SetString(PyExc_TypeError, "marks_type needs `mark` and `children` slots");
        goto done;
    }
    if (!yaml_parser_initialize(&s.parser)) {
        PyErr_NoMemory();
        goto done;
    }
    yaml_parser_set_input_string(&s.parser, (const unsigned char *)utf8, (size_t)size);
    rc = build_stream(&s, &value, &marks);
    if (s.has_event)
        yaml_event_delete(&s.event);
    yaml_parser_delete(&s.parser);
    if (rc == OK) {
        result = PyTuple_Pack(2, value, marks);
        Py_DECREF(value);
        Py_DECREF(marks);
    }
    else if (rc == GIVE_UP) {
        result = Py_NewRef(Py_None);
    }
done:
    while (s.nkeys > 0)
        Py_DECREF(s.keys[--s.nkeys].str);
    Py_XDECREF(s.known);
    Py_XDECREF(s.mark_slot);
    Py_XDECREF(s.children_slot);
    return result;
}

static PyMethodDef methods[] = {
    {"build", fast_build, METH_VARARGS, build_doc},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "smmplan._fastyaml",
    "The loader's common case in C, straight from libyaml's events (see loader.py).",
    -1, methods,
};

PyMODINIT_FUNC
PyInit__fastyaml(void)
{
    return PyModule_Create(&module);
}
